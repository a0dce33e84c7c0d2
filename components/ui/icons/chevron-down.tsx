import { Svg, type IconProps } from "./icon";

export const ChevronDown = (props: IconProps) => <Svg {...props} shapes={["m6 9 6 6 6-6"]} />;
