import { Svg, type IconProps } from "./icon";

export const ArrowUp = (props: IconProps) => <Svg {...props} shapes={["m5 12 7-7 7 7", "M12 19V5"]} />;
