import { Svg, type IconProps } from "./icon";

export const LoaderCircle = (props: IconProps) => <Svg {...props} shapes={["M21 12a9 9 0 1 1-6.219-8.56"]} />;
