import { Svg, type IconProps } from "./icon";

export const ArrowDown = (props: IconProps) => <Svg {...props} shapes={["M12 5v14", "m19 12-7 7-7-7"]} />;
