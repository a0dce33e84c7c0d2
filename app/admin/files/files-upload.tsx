"use client";

import { useRouter } from "next/navigation";
import { ImageUpload } from "@/components/admin/image-upload";

/**
 * Uploads straight into the library (POST /api/admin/uploads, one file_ row each, public). Each finished upload
 * refreshes the list below, where new files come first.
 */
export function FilesUpload() {
  const router = useRouter();
  return (
    <details className="group mb-4 rounded-xl border border-border bg-surface px-4 py-3">
      <summary className="cursor-pointer select-none text-sm font-semibold marker:text-muted">Upload images</summary>
      <div className="mt-3">
        <ImageUpload
          name="uploaded_file_id"
          label="Images to add to the library"
          multiple
          hint="They are stored as public files and appear at the top of the list (newest first). Removing one here only hides it from this box: delete it from the list."
          onChange={() => router.refresh()}
        />
      </div>
    </details>
  );
}
