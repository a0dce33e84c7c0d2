/**
 * The site's icons as plain SVG: Lucide's shapes (from lucide-react 1.75; licence in ./LICENSE), drawn as
 * lucide-react draws them (24 × 24, stroke currentColor, width 2, round caps and joins; aria-hidden unless
 * labelled). Not lucide-react itself: its Icon is a client component, so every icon, even on a server-rendered page,
 * shipped lucide's runtime to the browser; these render on the server as plain markup and cost no JavaScript there.
 * One module per icon, imported directly (`@/components/ui/icons/heart`): a client component then bundles only the
 * icons it uses (with an index module, Turbopack put every icon in the shared client chunk).
 */
import type { SVGProps } from "react";

/** A path's `d`, or another element and its attributes. */
type Shape = string | ["circle" | "rect" | "line", Record<string, string>];
export type IconProps = Omit<SVGProps<SVGSVGElement>, "children"> & { size?: number | string };

/** An icon's <svg> around its shapes. */
export function Svg({ shapes, size = 24, ...props }: IconProps & { shapes: Shape[] }) {
  const labelled = Object.keys(props).some((name) => name.startsWith("aria-") || name === "role" || name === "title");
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden={labelled ? undefined : true}
      {...props}
    >
      {shapes.map((shape, i) => {
        if (typeof shape === "string") return <path key={i} d={shape} />;
        const [Tag, attributes] = shape;
        return <Tag key={i} {...attributes} />;
      })}
    </svg>
  );
}
