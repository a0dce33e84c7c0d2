import { Svg, type IconProps } from "./icon";

export const FileImage = (props: IconProps) => <Svg {...props} shapes={["M6 22a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h8a2.4 2.4 0 0 1 1.704.706l3.588 3.588A2.4 2.4 0 0 1 20 8v12a2 2 0 0 1-2 2z", "M14 2v5a1 1 0 0 0 1 1h5", ["circle", { cx: "10", cy: "12", r: "2" }], "m20 17-1.296-1.296a2.41 2.41 0 0 0-3.408 0L9 22"]} />;
