import { Svg, type IconProps } from "./icon";

export const Moon = (props: IconProps) => <Svg {...props} shapes={["M12 3a6 6 0 0 0 9 9 9 9 0 1 1-9-9Z"]} />;
