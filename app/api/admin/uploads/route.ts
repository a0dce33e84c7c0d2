import { NextResponse, type NextRequest } from "next/server";
import sharp from "sharp";
import { createFile } from "@/db/queries/files";
import { checkImage, MAX_IMAGE_BYTES, type CheckedImage } from "@/lib/images";
import { getViewer, isEditor } from "@/lib/session";
import { getStorage, sanitizeFileName } from "@/lib/storage";

export const dynamic = "force-dynamic";

export type UploadedImage = { id: number; url: string; file_name: string; mime_type: string; size_bytes: number; width: number; height: number };
export type UploadResponse = UploadedImage | { error: string };

const NO_STORE = { "Cache-Control": "private, no-store" };
// The multipart envelope around one image: boundaries, headers, a long file name.
const ENVELOPE_BYTES = 64 * 1024;

const refuse = (status: number, error: string) => NextResponse.json<UploadResponse>({ error }, { status, headers: NO_STORE });

/**
 * Drops metadata (camera, GPS position) and applies the EXIF orientation, in the image's own format; animated
 * GIFs are kept as they are.
 */
async function withoutMetadata(image: CheckedImage): Promise<{ bytes: Buffer; width: number; height: number }> {
  if (image.mimeType === "image/gif") return { bytes: image.bytes, width: image.width, height: image.height };
  const format = ({ "image/jpeg": "jpeg", "image/png": "png", "image/webp": "webp", "image/avif": "avif" } as const)[image.mimeType];
  // Only JPEGs carry an orientation in practice; animated WebPs keep their frames.
  const jpeg = image.mimeType === "image/jpeg";
  const pipeline = jpeg ? sharp(image.bytes).rotate() : sharp(image.bytes, { animated: true });
  const { data, info } = await pipeline.toFormat(format, format === "png" ? {} : { quality: format === "avif" ? 80 : 90 }).toBuffer({ resolveWithObject: true });
  return { bytes: data, width: jpeg ? info.width : image.width, height: jpeg ? info.height : image.height };
}

/**
 * POST /api/admin/uploads (multipart, field `file`) → 201 { id, url, file_name, mime_type, size_bytes, width,
 * height } or 4xx { error }. For editors (401/403 JSON, checked here). Only JPEG, PNG, WebP, AVIF and GIF, judged
 * by content (lib/images.ts checkImage: ≤ 8 MB, sane dimensions, SVG refused); the stored name is sanitized and
 * its extension and mime_type follow the content. Stored through getStorage() as a public file_ row.
 */
export async function POST(request: NextRequest) {
  const viewer = await getViewer();
  if (!viewer) return refuse(401, "Your session has ended. Sign in again to continue.");
  if (!isEditor(viewer)) return refuse(403, "Only editors can upload images.");

  // Browsers always send a length with a form upload; without one (chunked) the body could not be bounded before
  // request.formData() reads all of it into memory.
  const length = request.headers.get("content-length");
  if (length === null || !/^\d+$/.test(length)) return refuse(411, "Send the image with a Content-Length header.");
  if (Number(length) > MAX_IMAGE_BYTES + ENVELOPE_BYTES) return refuse(413, "This image is larger than 8 MB.");

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refuse(400, "Send the image as multipart/form-data in a field named “file”.");
  }
  const file = form.get("file");
  const image = await checkImage(file);
  if ("error" in image) return refuse(file instanceof File && file.size > MAX_IMAGE_BYTES ? 413 : 422, image.error);

  let clean: Awaited<ReturnType<typeof withoutMetadata>>;
  try {
    clean = await withoutMetadata(image);
  } catch {
    return refuse(422, "This image could not be read: it may be damaged.");
  }
  const fileName = sanitizeFileName((file as File).name, image.mimeType);
  try {
    const stored = await getStorage().put({ fileName, mimeType: image.mimeType, bytes: clean.bytes, isPublic: true });
    const row = await createFile({
      file_name: fileName,
      mime_type: image.mimeType,
      file_key: stored.key,
      file_url: stored.url,
      is_public: true,
      size_bytes: clean.bytes.length,
    });
    return NextResponse.json<UploadResponse>(
      { id: row.id, url: stored.url, file_name: fileName, mime_type: image.mimeType, size_bytes: clean.bytes.length, width: clean.width, height: clean.height },
      { status: 201, headers: NO_STORE },
    );
  } catch (error) {
    console.error("admin upload failed", error);
    return refuse(503, "The image could not be stored right now. Try again.");
  }
}
