import "server-only";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";

export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp", "image/avif", "image/gif"] as const;
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
const MAX_SIDE = 10_000;
const MIN_SIDE = 16;

export type CheckedImage = { bytes: Buffer; mimeType: (typeof IMAGE_TYPES)[number]; width: number; height: number };

/**
 * An uploaded image checked by its content, never by its name or the browser's claim: jpeg, png, webp, avif or
 * gif only (so no SVG), at most 8 MB, sane pixel dimensions. Returns a message for the user when refused.
 */
export async function checkImage(file: unknown): Promise<CheckedImage | { error: string }> {
  if (!(file instanceof File) || file.size === 0) return { error: "Choose an image file." };
  if (file.size > MAX_IMAGE_BYTES) return { error: "This image is larger than 8 MB." };
  const bytes = Buffer.from(await file.arrayBuffer());
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !(IMAGE_TYPES as readonly string[]).includes(type.mime)) {
    return { error: "This file is not a JPEG, PNG, WebP, AVIF or GIF image." };
  }
  try {
    const meta = await sharp(bytes, { limitInputPixels: MAX_SIDE * MAX_SIDE }).metadata();
    const width = meta.width ?? 0;
    const height = meta.height ?? 0;
    if (width < MIN_SIDE || height < MIN_SIDE) return { error: `This image is too small (at least ${MIN_SIDE}×${MIN_SIDE} pixels).` };
    if (width > MAX_SIDE || height > MAX_SIDE) return { error: `This image is too large (at most ${MAX_SIDE}×${MAX_SIDE} pixels).` };
    return { bytes, mimeType: type.mime as CheckedImage["mimeType"], width, height };
  } catch {
    return { error: "This image could not be read: it may be damaged." };
  }
}

/** A square avatar: re-encoded (drops metadata such as GPS positions), 256×256 WebP. */
export async function toAvatar(image: CheckedImage): Promise<Buffer> {
  return sharp(image.bytes, { animated: false }).rotate().resize(256, 256, { fit: "cover" }).webp({ quality: 85 }).toBuffer();
}
