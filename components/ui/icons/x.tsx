import { Svg, type IconProps } from "./icon";

export const X = (props: IconProps) => <Svg {...props} shapes={["M18 6 6 18", "m6 6 12 12"]} />;
