import { Svg, type IconProps } from "./icon";

export const ArrowRight = (props: IconProps) => <Svg {...props} shapes={["M5 12h14", "m12 5 7 7-7 7"]} />;
