import { Svg, type IconProps } from "./icon";

export const Expand = (props: IconProps) => <Svg {...props} shapes={["m15 15 6 6", "m15 9 6-6", "M21 16v5h-5", "M21 8V3h-5", "M3 16v5h5", "m3 21 6-6", "M3 8V3h5", "M9 9 3 3"]} />;
