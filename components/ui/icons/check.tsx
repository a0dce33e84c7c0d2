import { Svg, type IconProps } from "./icon";

export const Check = (props: IconProps) => <Svg {...props} shapes={["M20 6 9 17l-5-5"]} />;
