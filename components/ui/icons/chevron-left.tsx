import { Svg, type IconProps } from "./icon";

export const ChevronLeft = (props: IconProps) => <Svg {...props} shapes={["m15 18-6-6 6-6"]} />;
