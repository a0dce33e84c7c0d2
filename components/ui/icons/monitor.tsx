import { Svg, type IconProps } from "./icon";

export const Monitor = (props: IconProps) => <Svg {...props} shapes={[["rect", { width: "20", height: "14", x: "2", y: "3", rx: "2" }], "M8 21h8", "M12 17v4"]} />;
