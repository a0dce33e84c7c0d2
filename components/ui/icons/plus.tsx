import { Svg, type IconProps } from "./icon";

export const Plus = (props: IconProps) => <Svg {...props} shapes={["M5 12h14", "M12 5v14"]} />;
