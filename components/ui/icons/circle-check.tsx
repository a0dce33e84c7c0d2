import { Svg, type IconProps } from "./icon";

export const CircleCheck = (props: IconProps) => <Svg {...props} shapes={[["circle", { cx: "12", cy: "12", r: "10" }], "m16 9-5.5 5.5L8 12"]} />;
