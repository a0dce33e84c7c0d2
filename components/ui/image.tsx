import { getImageProps, type ImageProps } from "next/image";
import { preload } from "react-dom";

/** What the plain <img> can do: no load or error callbacks, no blur placeholder (they need next/image's own). */
type Props = Omit<ImageProps, "onLoad" | "onError" | "onLoadingComplete" | "placeholder" | "blurDataURL">;

/**
 * next/image's <img> (the same srcset through the image optimizer, sizes, lazy loading, `fill` styles, and a
 * preload for `priority`), drawn without next/image's client component: in a server component it costs the
 * browser no JavaScript, in a client component only the srcset arithmetic. Use next/image itself where a
 * callback is needed (the lightbox's slides).
 */
export function Image(props: Props) {
  const { props: img } = getImageProps(props);
  if (props.priority || props.preload) {
    preload(img.src, { as: "image", imageSrcSet: img.srcSet, imageSizes: img.sizes, fetchPriority: img.fetchPriority });
  }
  const { alt, ...rest } = img;
  // eslint-disable-next-line @next/next/no-img-element -- this is next/image's own <img>, its props from getImageProps
  return <img alt={alt} {...rest} />;
}
