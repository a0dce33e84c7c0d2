import { Svg, type IconProps } from "./icon";

export const ArrowLeft = (props: IconProps) => <Svg {...props} shapes={["m12 19-7-7 7-7", "M19 12H5"]} />;
