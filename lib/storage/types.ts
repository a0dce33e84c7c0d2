/** One interface for everything that stores a file: local disk by default, UploadThing when configured. */
export type PutInput = {
  /** Already sanitized (see sanitizeFileName). */
  fileName: string;
  /** Taken from the content, never from the client. */
  mimeType: string;
  bytes: Uint8Array;
  isPublic: boolean;
};

export type StoredObject = {
  /** Becomes file_.file_key. */
  key: string;
  /** Becomes file_.file_url: where a browser fetches the file. */
  url: string;
};

export type StoredFileRef = { file_key: string; file_url: string; is_public: boolean; mime_type: string };

/** How the /files/[key] route answers for a file the caller may see. */
export type Delivery =
  | { kind: "bytes"; body: ReadableStream<Uint8Array>; size: number }
  | { kind: "redirect"; url: string };

export interface FileStorage {
  readonly name: "local" | "uploadthing";
  put(input: PutInput): Promise<StoredObject>;
  /** null when the stored object is gone. */
  deliver(file: StoredFileRef): Promise<Delivery | null>;
  remove(key: string): Promise<void>;
  /**
   * Makes the stored object readable by anyone who has its URL (isPublic) or only through this app (private).
   * Idempotent. Throws, with a short reason, when the storage refuses; the object then keeps its old visibility.
   */
  setVisibility(key: string, isPublic: boolean): Promise<void>;
}
