"use client";

import Image from "next/image";
import { useRef, useState } from "react";
import { Expand } from "@/components/ui/icons/expand";
import Lightbox, { isImageSlide, type RenderSlideProps } from "yet-another-react-lightbox";
import Counter from "yet-another-react-lightbox/plugins/counter";
import "yet-another-react-lightbox/styles.css";
import "yet-another-react-lightbox/plugins/counter.css";

export type GalleryPhoto = { id: number; url: string };

/**
 * A strip of thumbnails that opens a full-screen lightbox (yet-another-react-lightbox): arrows and Escape on the
 * keyboard, swipe on touch, buttons and backdrop click with a mouse; focus goes back to the thumbnail that
 * opened it. Thumbnails are links to the image itself, so without JavaScript they still show the photo.
 */
export function PhotoGallery({ name, photos }: { name: string; photos: GalleryPhoto[] }) {
  const [index, setIndex] = useState(-1);
  const thumbnails = useRef<(HTMLAnchorElement | null)[]>([]);
  const opener = useRef(-1);
  const altFor = (i: number) => `${name}, photo ${i + 1} of ${photos.length}`;
  const slides = photos.map((p, i) => ({ src: p.url, alt: altFor(i) }));

  return (
    <>
      <ul className="-mx-4 flex snap-x gap-3 overflow-x-auto px-4 pb-3 sm:mx-0 sm:px-0">
        {photos.map((photo, i) => (
          <li key={photo.id} className="shrink-0 snap-start">
            <a
              href={photo.url}
              ref={(el) => {
                thumbnails.current[i] = el;
              }}
              onClick={(event) => {
                if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return; // new tab etc.
                event.preventDefault();
                opener.current = i;
                setIndex(i);
              }}
              className="group relative block h-36 w-28 overflow-hidden rounded-lg bg-surface-muted ring-1 ring-border/60 sm:h-44 sm:w-36"
              data-testid="gallery-thumbnail"
            >
              <Image src={photo.url} alt={altFor(i)} fill sizes="(min-width: 640px) 144px, 112px" className="object-cover transition duration-300 group-hover:scale-[1.04]" />
              <span className="absolute inset-0 flex items-end justify-end bg-gradient-to-t from-black/45 to-transparent p-2 opacity-0 transition group-hover:opacity-100 group-focus-visible:opacity-100">
                <Expand aria-hidden className="size-4 text-white" />
              </span>
            </a>
          </li>
        ))}
      </ul>
      <Lightbox
        open={index >= 0}
        index={Math.max(index, 0)}
        close={() => setIndex(-1)}
        slides={slides}
        plugins={[Counter]}
        carousel={{ finite: photos.length <= 2, padding: "24px" }}
        controller={{ closeOnBackdropClick: true, closeOnPullDown: true }}
        labels={{ Lightbox: `Photos of ${name}`, Carousel: "Photos", Previous: "Previous photo", Next: "Next photo", Close: "Close" }}
        render={{
          slide: (props) => <SlideImage {...props} />,
          buttonPrev: photos.length <= 1 ? () => null : undefined,
          buttonNext: photos.length <= 1 ? () => null : undefined,
        }}
        on={{
          // The library restores focus too; this makes sure it is the opening thumbnail even after swipes.
          exited: () => thumbnails.current[opener.current]?.focus(),
        }}
      />
    </>
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
