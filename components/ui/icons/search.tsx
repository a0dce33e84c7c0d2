import { Svg, type IconProps } from "./icon";

export const Search = (props: IconProps) => <Svg {...props} shapes={["m21 21-4.34-4.34", ["circle", { cx: "11", cy: "11", r: "8" }]]} />;
