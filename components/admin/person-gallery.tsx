"use client";

import { useActionState, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { LoaderCircle } from "@/components/ui/icons/loader-circle";
import { Star } from "@/components/ui/icons/star";
import { Trash2 } from "@/components/ui/icons/trash-2";
import { addGalleryPhotosAction, makeMainPhotoAction, removeGalleryPhotoAction, type GalleryState } from "@/app/admin/people/actions";
import { ImageUpload } from "@/components/admin/image-upload";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import type { PhotoRef } from "@/db/queries/admin/people/form";

type Props = {
  personId: number;
  /** The gallery as the server has it now (refreshed after each change). */
  photos: PhotoRef[];
  total: number;
  mainPhotoId: number | null;
  /** After a change that succeeded: the person's version change and new main photo, if any. */
  onChange: (change: GalleryState) => void;
};

/**
 * The person's gallery (person_photos): upload several photos at once (each with its progress bar), then add
 * them; make one the main photo; remove one (confirmed in a dialog; a file nothing else uses is deleted).
 */
export function PersonGallery({ personId, photos, total, mainPhotoId, onChange }: Props) {
  const [last, setLast] = useState<GalleryState>({});
  const [removing, setRemoving] = useState<PhotoRef | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  const settle = (next: GalleryState) => {
    setLast(next);
    if (next.ok) onChange(next);
    return next;
  };
  const [added, add] = useActionState<GalleryState, FormData>(async (previous, formData) => settle(await addGalleryPhotosAction(previous, formData)), {});
  const [, makeMain] = useActionState<GalleryState, FormData>(async (previous, formData) => settle(await makeMainPhotoAction(previous, formData)), {});
  const [, remove] = useActionState<GalleryState, FormData>(async (previous, formData) => {
    const next = settle(await removeGalleryPhotoAction(previous, formData));
    dialog.current?.close();
    return next;
  }, {});

  return (
    <section aria-labelledby="gallery-heading" className="grid max-w-5xl gap-4 border-t border-border pt-8 md:grid-cols-3">
      <div>
        <h2 id="gallery-heading" className="text-base font-semibold">
          Gallery
        </h2>
        <p className="mt-1 text-sm text-muted">Photos shown on the person&rsquo;s page. Changes here are saved at once.</p>
      </div>
      <div className="space-y-5 md:col-span-2">
        <FormMessage message={last.message} ok={last.ok} />

        {/* A new key after each successful add empties the upload list. */}
        <form key={added.done ?? 0} action={add} className="space-y-3 rounded-xl border border-border bg-surface-muted/40 p-4" aria-label="Add photos to the gallery">
          <input type="hidden" name="person_id" value={personId} />
          <ImageUpload name="file_ids" label="Add photos" multiple error={added.fieldError} hint="Choose or drop several images at once; add them when they are uploaded." />
          <SubmitButton variant="secondary">Add to gallery</SubmitButton>
        </form>

        {photos.length === 0 ? (
          <p className="rounded-xl border border-dashed border-border px-4 py-8 text-center text-sm text-muted">No photos in the gallery yet.</p>
        ) : (
          <>
            <p className="text-sm text-muted" data-testid="gallery-count">
              {total === 1 ? "1 photo" : `${total} photos`}
              {total > photos.length ? ` (the first ${photos.length} are shown)` : ""}
            </p>
            <ul aria-label="Gallery photos" className="grid grid-cols-2 gap-3 sm:grid-cols-3">
              {photos.map((photo) => {
                const isMain = photo.id === mainPhotoId;
                return (
                  <li key={photo.id} className="overflow-hidden rounded-lg border border-border bg-surface" data-testid="gallery-photo" data-main={isMain || undefined}>
                    <div className="relative aspect-[4/5] bg-surface-muted">
                      {/* eslint-disable-next-line @next/next/no-img-element -- editors see every stored file, public or not */}
                      <img src={photo.url} alt={photo.file_name} loading="lazy" className="size-full object-cover" />
                      {isMain ? (
                        <span className="absolute left-2 top-2 inline-flex items-center gap-1 rounded-full bg-accent px-2.5 py-1 text-xs font-semibold text-accent-foreground shadow">
                          <Star aria-hidden className="size-3 fill-current" /> Main photo
                        </span>
                      ) : null}
                      <button
                        type="button"
                        onClick={() => {
                          setRemoving(photo);
                          dialog.current?.showModal();
                        }}
                        aria-label={`Remove ${photo.file_name} from the gallery`}
                        title="Remove from the gallery"
                        className="absolute right-1.5 top-1.5 inline-flex size-8 items-center justify-center rounded-full bg-background/90 text-red-700 shadow ring-1 ring-border hover:bg-surface dark:text-red-300"
                      >
                        <Trash2 aria-hidden className="size-4" />
                      </button>
                    </div>
                    <div className="space-y-2 p-2.5">
                      <p className="truncate text-xs font-medium" title={photo.file_name}>
                        {photo.file_name}
                      </p>
                      {isMain ? (
                        <p className="flex h-8 items-center text-xs text-muted">Shown on the person&rsquo;s page and cards</p>
                      ) : (
                        <form action={makeMain}>
                          <input type="hidden" name="person_id" value={personId} />
                          <input type="hidden" name="file_id" value={photo.id} />
                          {/* The visible words first (WCAG 2.5.3 label in name), then which photo. */}
                          <GalleryButton label={`Make main photo: ${photo.file_name}`}>
                            <Star aria-hidden className="size-3.5" /> Make main photo
                          </GalleryButton>
                        </form>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </div>

      <dialog
        ref={dialog}
        aria-labelledby="remove-photo-title"
        onClose={() => setRemoving(null)}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl border border-border bg-surface p-6 text-foreground shadow-xl backdrop:bg-black/50"
      >
        <h2 id="remove-photo-title" className="text-lg font-semibold">
          Remove this photo?
        </h2>
        {removing ? (
          <form action={remove} className="mt-4 space-y-4">
            <input type="hidden" name="person_id" value={personId} />
            <input type="hidden" name="file_id" value={removing.id} />
            <div className="flex items-center gap-3">
              {/* eslint-disable-next-line @next/next/no-img-element -- a small preview of what goes */}
              <img src={removing.url} alt="" className="size-16 shrink-0 rounded-md object-cover" />
              <p className="min-w-0 text-sm text-muted">
                <span className="block truncate font-medium text-foreground">{removing.file_name}</span>
                {removing.id === mainPhotoId ? "It is the main photo: the person will have none. " : ""}
                The file is deleted unless it is used elsewhere.
              </p>
            </div>
            <div className="flex justify-end gap-2">
              <button type="button" onClick={() => dialog.current?.close()} className="inline-flex h-11 items-center rounded-full border border-border px-5 text-sm font-semibold hover:bg-surface-muted">
                Cancel
              </button>
              <SubmitButton variant="danger">Remove photo</SubmitButton>
            </div>
          </form>
        ) : null}
      </dialog>
    </section>
  );
}

/** A small submit button for a photo's own form, disabled while it is pending. */
function GalleryButton({ label, children }: { label: string; children: React.ReactNode }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-label={label}
      className="inline-flex h-8 w-full items-center justify-center gap-1 rounded-full border border-border bg-surface px-3 text-xs font-semibold hover:bg-surface-muted disabled:opacity-60"
    >
      {pending ? <LoaderCircle aria-hidden className="size-3.5 animate-spin" /> : null}
      {children}
    </button>
  );
}
