import { Svg, type IconProps } from "./icon";

export const Info = (props: IconProps) => <Svg {...props} shapes={[["circle", { cx: "12", cy: "12", r: "10" }], "M12 16v-4", "M12 8h.01"]} />;
