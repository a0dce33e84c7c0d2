import { UTApi } from "uploadthing/server";
import { FILE_KEY_PATTERN } from "./file-name";
import type { Delivery, FileStorage, PutInput, StoredFileRef, StoredObject } from "./types";

/** How long a signed URL for a private file stays valid: the /files/[key] route redirects to it at once. */
export const SIGNED_URL_TTL_SECONDS = 5 * 60;

type UTApiFetch = NonNullable<NonNullable<ConstructorParameters<typeof UTApi>[0]>["fetch"]>;

/** The last HTTP exchange that went wrong, seen from our side of the SDK (which reports only "Failed to upload file"). */
type WireFailure = { host: string; status?: number; statusText?: string; detail: string };

/**
 * Files on UploadThing (v7), through the server SDK (UTApi). The SDK reads UPLOADTHING_API_URL,
 * UPLOADTHING_INGEST_URL, UPLOADTHING_UFS_HOST and UPLOADTHING_UFS_APP_ID_LOCATION itself; the token is passed in.
 *
 * On the wire (uploadthing 7.7.4):
 * - put: no API call. The SDK signs `${ingestUrl}/${key}?expires&x-ut-identifier&x-ut-file-name&x-ut-file-size&
 *   x-ut-file-type&x-ut-content-disposition&x-ut-acl&signature=hmac-sha256=<hex HMAC of the URL with the API key>`
 *   and PUTs multipart/form-data (field "file") there with `Range: bytes=0-`; the ingest answers
 *   {url, appUrl, ufsUrl, fileHash}.
 * - deliver (private): no request at all; the SDK signs `https://<appId>.<ufsHost>/f/<key>?expires=…` locally.
 * - remove: POST `${apiUrl}/v6/deleteFiles` {fileKeys:[key]} with x-uploadthing-api-key; answer {success, deletedCount}.
 * - setVisibility: UTApi.updateACL(key, acl) = POST `${apiUrl}/v6/updateACL` {updates:[{fileKey, acl}]} with
 *   x-uploadthing-api-key; answer {success}. The API refuses it unless the app's dashboard settings ("Regions and
 *   ACL") allow overriding the default ACL per request; the SDK then throws a bare HTTP ResponseError.
 */
export class UploadThingStorage implements FileStorage {
  readonly name = "uploadthing" as const;
  readonly #token: string;
  #signer: UTApi | undefined;

  constructor(token: string) {
    this.#token = token;
  }

  /**
   * A UTApi whose HTTP exchanges are watched, so that a failure can be reported as "answered 403: invalid signature"
   * rather than the SDK's bare "Failed to upload file". One per call: the record must not mix concurrent calls.
   */
  #watchedApi(failures: WireFailure[]): UTApi {
    const watchingFetch: UTApiFetch = async (input, init) => {
      const target = input instanceof Request ? input.url : String(input);
      const host = hostOf(target);
      let response: Response;
      try {
        response = await fetch(input as RequestInfo | URL, init as RequestInit);
      } catch (error) {
        failures.push({ host, detail: networkReason(error) });
        throw error;
      }
      if (!response.ok) {
        const body = await response
          .clone()
          .text()
          .catch(() => "");
        failures.push({ host, status: response.status, statusText: response.statusText, detail: bodyReason(body) });
      }
      return response;
    };
    return new UTApi({ token: this.#token, fetch: watchingFetch });
  }

  async put(input: PutInput): Promise<StoredObject> {
    const action = `upload of ${JSON.stringify(input.fileName)}`;
    const failures: WireFailure[] = [];
    // File copies the bytes; BlobPart's typing wants an ArrayBuffer-backed view, which is what callers pass.
    const file = new File([input.bytes as Uint8Array<ArrayBuffer>], input.fileName, { type: input.mimeType });
    const result = await this.#watchedApi(failures)
      .uploadFiles(file, { acl: input.isPublic ? "public-read" : "private", contentDisposition: "inline" })
      .catch((error: unknown) => {
        throw failure(action, error, failures);
      });
    if (result.error || !result.data) throw failure(action, result.error, failures);
    const { key, ufsUrl, url } = result.data;
    if (!FILE_KEY_PATTERN.test(key)) {
      // Would be stored but never served by /files/[key]; say so now rather than at the first 404.
      throw new Error(`UploadThing ${action} returned a key this app cannot serve: ${JSON.stringify(key)}`);
    }
    return { key, url: ufsUrl || url };
  }

  async deliver(file: StoredFileRef): Promise<Delivery> {
    if (file.is_public) return { kind: "redirect", url: file.file_url };
    const key = checkedKey(file.file_key);
    this.#signer ??= new UTApi({ token: this.#token });
    let signed: { ufsUrl: string };
    try {
      signed = await this.#signer.generateSignedURL(key, { expiresIn: SIGNED_URL_TTL_SECONDS });
    } catch (error) {
      throw failure(`signing a URL for ${key}`, error, []);
    }
    return { kind: "redirect", url: signed.ufsUrl };
  }

  async remove(key: string): Promise<void> {
    const checked = checkedKey(key);
    const action = `delete of ${checked}`;
    const failures: WireFailure[] = [];
    let result: { success: boolean; deletedCount: number };
    try {
      result = await this.#watchedApi(failures).deleteFiles(checked);
    } catch (error) {
      throw failure(action, error, failures);
    }
    // deletedCount 0 means it was already gone, which is what the caller wants (like rm --force).
    if (!result.success) throw new Error(`UploadThing ${action} failed: the API answered success=false`);
  }

  /** Sets the file's ACL: a "public-read" file is served to anyone holding its UploadThing URL, a private one is not. */
  async setVisibility(key: string, isPublic: boolean): Promise<void> {
    const checked = checkedKey(key);
    const acl = isPublic ? "public-read" : "private";
    const action = `change of ${checked} to ${acl}`;
    const failures: WireFailure[] = [];
    let result: { readonly success: boolean };
    try {
      result = await this.#watchedApi(failures).updateACL(checked, acl);
    } catch (error) {
      const refused = failures.at(-1);
      const hint =
        refused?.status === 400 || refused?.status === 403
          ? ` (if the UploadThing app does not allow overriding its default ACL, turn that on in its dashboard under "Regions and ACL")`
          : "";
      throw new Error(`${failure(action, error, failures).message}${hint}`);
    }
    if (!result.success) throw new Error(`UploadThing ${action} failed: the API answered success=false`);
  }
}

function checkedKey(key: string): string {
  if (!FILE_KEY_PATTERN.test(key)) throw new Error(`invalid file key ${JSON.stringify(key)}`);
  return key;
}

/** A plain Error with one short line: what failed and why, without the SDK's Effect cause tree. */
function failure(action: string, error: unknown, failures: WireFailure[]): Error {
  const wire = failures.at(-1);
  const reason = wire ? describeWire(wire) : describeSdkError(error);
  return new Error(`UploadThing ${action} failed: ${reason}`);
}

function describeWire(wire: WireFailure): string {
  if (wire.status === undefined) return `could not reach ${wire.host} (${wire.detail})`;
  const status = `${wire.status}${wire.statusText ? ` ${wire.statusText}` : ""}`;
  return `${wire.host} answered ${status}${wire.detail ? `: ${wire.detail}` : ""}`;
}

function describeSdkError(error: unknown): string {
  if (error && typeof error === "object") {
    const { _tag, code, message } = error as { _tag?: unknown; code?: unknown; message?: unknown };
    if (_tag === "ParseError") return "UploadThing answered with unexpected JSON";
    if (typeof message === "string" && message) {
      return clip(firstLine(message)) + (typeof code === "string" ? ` (${code})` : "");
    }
  }
  return clip(firstLine(String(error)));
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "UploadThing";
  }
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (cause && typeof cause.code === "string") return cause.code;
  if (cause && typeof cause.message === "string") return clip(firstLine(cause.message));
  return error instanceof Error ? clip(firstLine(error.message)) : "network error";
}

/** The `error` / `message` of a JSON answer, else the start of the text. */
function bodyReason(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown };
    if (typeof parsed.error === "string") return clip(parsed.error);
    if (typeof parsed.message === "string") return clip(parsed.message);
  } catch {
    // not JSON
  }
  return clip(firstLine(body.trim()));
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0] ?? "";
}

function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
