import { Svg, type IconProps } from "./icon";

export const ChevronRight = (props: IconProps) => <Svg {...props} shapes={["m9 18 6-6-6-6"]} />;
