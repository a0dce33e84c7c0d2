"use client";

import Image from "next/image";
import { useState } from "react";
import Lightbox, { isImageSlide, type RenderSlideProps } from "yet-another-react-lightbox";
import Counter from "yet-another-react-lightbox/plugins/counter";
import "yet-another-react-lightbox/styles.css";
import "yet-another-react-lightbox/plugins/counter.css";

type Props = {
  name: string;
  slides: { src: string; alt: string }[];
  index: number;
  close: () => void;
  onExited: () => void;
};

/**
 * The gallery's full-screen viewer (yet-another-react-lightbox): arrows and Escape on the keyboard, swipe on touch,
 * buttons and backdrop click with a mouse. Its own module, loaded the first time a visitor reaches for a photo
 * (PhotoGallery), so person pages don't ship it to everyone.
 */
export default function PhotoLightbox({ name, slides, index, close, onExited }: Props) {
  const single = slides.length <= 1;
  return (
    <Lightbox
      open={index >= 0}
      index={Math.max(index, 0)}
      close={close}
      slides={slides}
      plugins={[Counter]}
      carousel={{ finite: slides.length <= 2, padding: "24px" }}
      controller={{ closeOnBackdropClick: true, closeOnPullDown: true }}
      labels={{ Lightbox: `Photos of ${name}`, Carousel: "Photos", Previous: "Previous photo", Next: "Next photo", Close: "Close" }}
      render={{
        slide: (props) => <SlideImage {...props} />,
        buttonPrev: single ? () => null : undefined,
        buttonNext: single ? () => null : undefined,
      }}
      on={{ exited: onExited }}
    />
  );
}

/**
 * Slides through next/image (optimized, right size for the screen). Until the image has loaded, the box fills
 * the screen; then it shrinks to the picture itself, so a click beside it counts as a backdrop click.
 */
function SlideImage({ slide, offset, rect }: RenderSlideProps) {
  const [ratio, setRatio] = useState<number | null>(null);
  if (!isImageSlide(slide)) return undefined;
  let width = rect.width;
  let height = rect.height;
  if (ratio) {
    width = Math.min(rect.width, rect.height * ratio);
    height = width / ratio;
  }
  return (
    <div style={{ position: "relative", width, height }}>
      <Image
        src={slide.src}
        alt={slide.alt ?? ""}
        fill
        sizes="100vw"
        loading={Math.abs(offset) <= 1 ? "eager" : "lazy"}
        draggable={false}
        className="object-contain"
        onLoad={(event) => {
          const img = event.currentTarget;
          if (img.naturalWidth && img.naturalHeight) setRatio(img.naturalWidth / img.naturalHeight);
        }}
      />
    </div>
  );
}
