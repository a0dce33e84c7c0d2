"use client";

import { Image } from "@/components/ui/image";
import { lazy, Suspense, useRef, useState } from "react";
import { Expand } from "@/components/ui/icons/expand";

export type GalleryPhoto = { id: number; url: string };

const loadLightbox = () => import("./photo-lightbox");
const PhotoLightbox = lazy(loadLightbox);

/**
 * A strip of thumbnails that opens a full-screen lightbox (PhotoLightbox); focus goes back to the thumbnail that
 * opened it. The lightbox's code loads when a visitor first points at, focuses or touches a thumbnail, so it is
 * usually there by the click. Thumbnails are links to the image itself, so without JavaScript they still show the
 * photo.
 */
export function PhotoGallery({ name, photos }: { name: string; photos: GalleryPhoto[] }) {
  const [index, setIndex] = useState(-1);
  // Mounted from the first opening on (it keeps its closing animation and focus return afterwards).
  const [wanted, setWanted] = useState(false);
  const thumbnails = useRef<(HTMLAnchorElement | null)[]>([]);
  const opener = useRef(-1);
  const altFor = (i: number) => `${name}, photo ${i + 1} of ${photos.length}`;
  const slides = photos.map((p, i) => ({ src: p.url, alt: altFor(i) }));
  const prepare = () => void loadLightbox();

  return (
    <>
      <ul className="-mx-4 flex snap-x gap-3 overflow-x-auto px-4 pb-3 sm:mx-0 sm:px-0" onPointerEnter={prepare} onFocus={prepare} onTouchStart={prepare}>
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
                setWanted(true);
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
      {wanted ? (
        <Suspense fallback={null}>
          <PhotoLightbox
            name={name}
            slides={slides}
            index={index}
            close={() => setIndex(-1)}
            // The library restores focus too; this makes sure it is the opening thumbnail even after swipes.
            onExited={() => thumbnails.current[opener.current]?.focus()}
          />
        </Suspense>
      ) : null}
    </>
  );
}
