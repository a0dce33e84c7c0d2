"use client";

import { useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { ImageUp } from "@/components/ui/icons/image-up";
import { RotateCcw } from "@/components/ui/icons/rotate-ccw";
import { X } from "@/components/ui/icons/x";
import type { UploadResponse } from "@/app/api/admin/uploads/route";

/** A stored image as the form knows it. */
export type UploadedFile = { id: number; url: string; file_name: string };

export type ImageUploadProps = {
  /** The form field: one hidden input `name` = file id per image (an empty one when a single upload is empty). */
  name: string;
  label: string;
  multiple?: boolean;
  /** The images when the form (re)renders: the saved row, or what the server sent back after a refused save. */
  defaultValue?: UploadedFile[];
  error?: string;
  hint?: string;
  /** Called whenever the uploaded images change (not while one is still uploading). */
  onChange?: (files: UploadedFile[]) => void;
};

const ACCEPT = "image/jpeg,image/png,image/webp,image/avif,image/gif";
const MAX_BYTES = 8 * 1024 * 1024;

type Item = {
  key: string;
  file_name: string;
  /** The stored image's URL once uploaded; a local preview (blob:) before. */
  preview: string;
} & (
  | { status: "done"; id: number; url: string }
  | { status: "uploading"; progress: number }
  | { status: "failed"; message: string; file: File; retryable: boolean }
);

const fromDefault = (files: UploadedFile[] | undefined): Item[] =>
  (files ?? []).map((f) => ({ key: `saved-${f.id}`, status: "done", id: f.id, url: f.url, preview: f.url, file_name: f.file_name }));
const serialize = (files: UploadedFile[] | undefined) => JSON.stringify((files ?? []).map((f) => [f.id, f.url, f.file_name]));

let nextKey = 0;

/**
 * Chooses or drops images; each uploads at once to POST /api/admin/uploads with a progress bar, then shows its
 * preview with a remove button, or the server's reason for refusing it. Hidden inputs carry the stored file ids.
 * A single upload keeps the previous image until the new one is stored, then replaces it. While something is
 * still uploading, the surrounding form does not submit (it says why).
 */
export function ImageUpload({ name, label, multiple = false, defaultValue, error, hint, onChange }: ImageUploadProps) {
  const autoId = useId();
  const inputId = `upload-${name}`;
  const fileInput = useRef<HTMLInputElement>(null);
  const requests = useRef(new Map<string, XMLHttpRequest>());
  const [items, setItems] = useState<Item[]>(() => fromDefault(defaultValue));
  const [appliedDefault, setAppliedDefault] = useState(serialize(defaultValue));
  if (serialize(defaultValue) !== appliedDefault) {
    setAppliedDefault(serialize(defaultValue));
    setItems(fromDefault(defaultValue));
  }
  const [dragging, setDragging] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [blocked, setBlocked] = useState(false);

  // The latest items and onChange for the effects and listeners below, updated before those effects run.
  const itemsRef = useRef(items);
  const onChangeRef = useRef(onChange);
  useLayoutEffect(() => {
    itemsRef.current = items;
    onChangeRef.current = onChange;
  });
  const uploading = items.some((i) => i.status === "uploading");
  // The "wait for the uploads" notice goes once they have finished.
  if (blocked && !uploading) setBlocked(false);
  const done = items.filter((i): i is Item & { status: "done" } => i.status === "done");
  // A single upload shows and submits the newest stored image only.
  const submitted = multiple ? done : done.slice(-1);

  const submittedKey = submitted.map((d) => d.id).join(",");
  const firstRun = useRef(true);
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    onChangeRef.current?.(itemsRef.current.filter((i) => i.status === "done").slice(multiple ? 0 : -1).map((d) => ({ id: d.id, url: d.url, file_name: d.file_name })));
  }, [submittedKey, multiple]);

  // The form waits for uploads in flight: submitting now would save without them.
  useEffect(() => {
    const form = fileInput.current?.form;
    if (!form) return;
    const hold = (event: SubmitEvent) => {
      if (itemsRef.current.some((i) => i.status === "uploading")) {
        event.preventDefault();
        event.stopImmediatePropagation();
        setBlocked(true);
      }
    };
    form.addEventListener("submit", hold, { capture: true });
    return () => form.removeEventListener("submit", hold, { capture: true });
  }, []);

  // Abort what is still uploading and free the local previews when the form goes away.
  useEffect(() => {
    const pending = requests.current;
    return () => {
      for (const xhr of pending.values()) xhr.abort();
      for (const item of itemsRef.current) if (item.preview.startsWith("blob:")) URL.revokeObjectURL(item.preview);
    };
  }, []);

  function patch(key: string, change: (item: Item) => Item | null) {
    setItems((current) => current.flatMap((item) => (item.key === key ? (change(item) ?? []) : [item])));
  }

  function upload(file: File, key: string) {
    if (file.size > MAX_BYTES) {
      patch(key, (item) => ({ key: item.key, file_name: item.file_name, preview: item.preview, status: "failed", message: "This image is larger than 8 MB.", file, retryable: false }));
      setAnnouncement(`${file.name}: this image is larger than 8 MB.`);
      return;
    }
    const xhr = new XMLHttpRequest();
    requests.current.set(key, xhr);
    xhr.open("POST", "/api/admin/uploads");
    xhr.responseType = "json";
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (!event.lengthComputable) return;
      // 99 until the server has stored it and answered.
      const progress = Math.min(99, Math.round((event.loaded / event.total) * 100));
      patch(key, (item) => (item.status === "uploading" ? { ...item, progress } : item));
    };
    const fail = (message: string, retryable: boolean) => {
      requests.current.delete(key);
      patch(key, (item) => ({ key: item.key, file_name: item.file_name, preview: item.preview, status: "failed", message, file, retryable }));
      setAnnouncement(`${file.name} was not uploaded: ${message}`);
    };
    xhr.onload = () => {
      const body = xhr.response as UploadResponse | null;
      if (xhr.status === 201 && body && "id" in body) {
        requests.current.delete(key);
        setItems((current) => {
          const stored: Item = { key, status: "done", id: body.id, url: body.url, preview: body.url, file_name: body.file_name };
          const mine = current.find((i) => i.key === key);
          if (!mine) return current;
          if (mine.preview.startsWith("blob:")) URL.revokeObjectURL(mine.preview);
          if (multiple) return current.map((i) => (i.key === key ? stored : i));
          // A single upload: the new image replaces the previous one.
          for (const other of current) if (other.key !== key && other.preview.startsWith("blob:")) URL.revokeObjectURL(other.preview);
          return [stored];
        });
        setAnnouncement(`${body.file_name} uploaded.`);
        return;
      }
      if (xhr.status === 401) return fail("Your session has ended. Sign in again to continue.", false);
      fail(body && "error" in body && body.error ? body.error : `The upload failed (${xhr.status}). Try again.`, xhr.status >= 500);
    };
    xhr.onerror = () => fail("The upload failed: check your connection and try again.", true);
    xhr.onabort = () => requests.current.delete(key);
    const form = new FormData();
    form.append("file", file);
    xhr.send(form);
  }

  function add(files: File[]) {
    const chosen = multiple ? files : files.slice(0, 1);
    if (chosen.length === 0) return;
    const fresh: Item[] = chosen.map((file) => ({
      key: `new-${++nextKey}`,
      status: "uploading",
      progress: 0,
      file_name: file.name,
      preview: URL.createObjectURL(file),
    }));
    setItems((current) => {
      if (multiple) return [...current, ...fresh];
      // A single upload: earlier attempts go; the stored image stays until the new one is stored.
      for (const other of current) {
        if (other.status !== "done") {
          requests.current.get(other.key)?.abort();
          if (other.preview.startsWith("blob:")) URL.revokeObjectURL(other.preview);
        }
      }
      return [...current.filter((i) => i.status === "done"), ...fresh];
    });
    setAnnouncement(chosen.length === 1 ? `Uploading ${chosen[0].name}…` : `Uploading ${chosen.length} images…`);
    chosen.forEach((file, i) => upload(file, fresh[i].key));
  }

  function remove(item: Item) {
    requests.current.get(item.key)?.abort();
    requests.current.delete(item.key);
    if (item.preview.startsWith("blob:")) URL.revokeObjectURL(item.preview);
    setItems((current) => current.filter((i) => i.key !== item.key));
    setAnnouncement(`${item.file_name} removed.`);
    fileInput.current?.focus();
  }

  function retry(item: Item & { status: "failed" }) {
    patch(item.key, (i) => ({ key: i.key, file_name: i.file_name, preview: i.preview, status: "uploading", progress: 0 }));
    upload(item.file, item.key);
  }

  const describedBy = [error ? `${inputId}-error` : null, hint ? `${inputId}-hint` : null].filter(Boolean).join(" ") || undefined;
  const shown = multiple ? items : items.filter((i) => i.status !== "done" || i === submitted[0]);

  return (
    <div className="space-y-2" data-upload={name}>
      <div id={`${autoId}-label`} className="block text-sm font-medium">
        {label}
      </div>

      <div
        onDragOver={(event) => {
          if (!event.dataTransfer.types.includes("Files")) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = "copy";
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          add(Array.from(event.dataTransfer.files));
        }}
        className={`flex flex-col items-center gap-2 rounded-lg border-2 border-dashed px-4 py-5 text-center text-sm transition sm:flex-row sm:text-left ${dragging ? "border-accent bg-accent/5" : "border-border bg-surface"} ${error ? "border-red-500" : ""}`}
      >
        <ImageUp aria-hidden className="size-6 shrink-0 text-muted" />
        <p className="min-w-0 flex-1 text-muted">
          Drop {multiple ? "images" : "an image"} here or choose {multiple ? "files" : "a file"}.
          <span className="block text-xs">JPEG, PNG, WebP, AVIF or GIF, up to 8 MB{multiple ? "; several at once" : ""}.</span>
        </p>
        <input
          ref={fileInput}
          id={inputId}
          type="file"
          accept={ACCEPT}
          multiple={multiple}
          aria-labelledby={`${autoId}-label`}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            add(Array.from(event.target.files ?? []));
            event.target.value = "";
          }}
          className="peer sr-only"
        />
        <label
          htmlFor={inputId}
          className="inline-flex h-9 shrink-0 cursor-pointer items-center rounded-full border border-border bg-surface-muted px-4 text-sm font-medium hover:bg-background peer-focus-visible:ring-2 peer-focus-visible:ring-ring"
        >
          Choose {multiple ? "images" : shown.length > 0 ? "another image" : "an image"}
        </label>
      </div>

      {shown.length > 0 ? (
        <ul aria-label={`${label}: images`} className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {shown.map((item) => (
            <li key={item.key} className="overflow-hidden rounded-lg border border-border bg-surface" data-status={item.status}>
              <div className="relative aspect-square bg-surface-muted">
                {/* eslint-disable-next-line @next/next/no-img-element -- local blob: previews and just-stored files */}
                <img src={item.preview} alt="" onError={(event) => (event.currentTarget.style.visibility = "hidden")} className={`size-full object-cover ${item.status === "uploading" ? "opacity-60" : ""} ${item.status === "failed" ? "opacity-40 grayscale" : ""}`} />
                <button
                  type="button"
                  onClick={() => remove(item)}
                  aria-label={`${item.status === "uploading" ? "Cancel" : "Remove"} ${item.file_name}`}
                  className="absolute right-1.5 top-1.5 inline-flex size-8 items-center justify-center rounded-full bg-background/90 text-foreground shadow ring-1 ring-border hover:bg-surface focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                >
                  <X aria-hidden className="size-4" />
                </button>
              </div>
              <div className="space-y-1.5 p-2">
                <p className="truncate text-xs font-medium" title={item.file_name}>
                  {item.file_name}
                </p>
                {item.status === "uploading" ? (
                  <div
                    role="progressbar"
                    aria-label={`Uploading ${item.file_name}`}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={item.progress}
                    className="h-1.5 overflow-hidden rounded-full bg-surface-muted"
                  >
                    <div className="h-full rounded-full bg-accent transition-[width]" style={{ width: `${Math.max(item.progress, 3)}%` }} />
                  </div>
                ) : null}
                {item.status === "failed" ? (
                  <div className="space-y-1">
                    <p className="text-xs text-red-600 dark:text-red-400">{item.message}</p>
                    {item.retryable ? (
                    <button type="button" onClick={() => retry(item)} className="inline-flex items-center gap-1 text-xs font-medium text-accent hover:underline">
                      <RotateCcw aria-hidden className="size-3" /> Try again
                    </button>
                    ) : null}
                  </div>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}

      {submitted.length > 0 ? (
        submitted.map((d) => <input key={d.key} type="hidden" name={name} value={d.id} />)
      ) : multiple ? null : (
        <input type="hidden" name={name} value="" />
      )}

      {blocked ? (
        <p role="status" className="text-sm text-amber-700 dark:text-amber-300">
          Wait until the uploads finish, then save again.
        </p>
      ) : null}
      {hint ? (
        <p id={`${inputId}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${inputId}-error`} className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </div>
    </div>
  );
}
