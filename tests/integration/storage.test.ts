import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { FILE_KEY_PATTERN, sanitizeFileName } from "@/lib/storage/file-name";
import { LocalDiskStorage } from "@/lib/storage/local";
import type { Delivery, FileStorage, StoredFileRef, StoredObject } from "@/lib/storage/types";
import { SIGNED_URL_TTL_SECONDS, UploadThingStorage } from "@/lib/storage/uploadthing";
import { ACL_OVERRIDE_REFUSAL, type FakeUploadThing, makeUploadThingToken, startFakeUploadThing } from "../support/fake-uploadthing";

/** A PNG signature followed by random bytes: distinct per call, so a test can't pass on someone else's file. */
function pngBytes(size = 2048): Uint8Array {
  const bytes = new Uint8Array(randomBytes(size));
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
}

function refFor(stored: StoredObject, isPublic: boolean, mimeType = "image/png"): StoredFileRef {
  return { file_key: stored.key, file_url: stored.url, is_public: isPublic, mime_type: mimeType };
}

async function bytesOf(delivery: Delivery | null): Promise<Uint8Array> {
  if (delivery?.kind !== "bytes") throw new Error(`expected bytes, got ${JSON.stringify(delivery)}`);
  return new Uint8Array(await new Response(delivery.body).arrayBuffer());
}

async function fetchBytes(url: string): Promise<{ status: number; type: string | null; bytes: Uint8Array }> {
  const response = await fetch(url);
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

describe("sanitizeFileName", () => {
  it("keeps only the last path segment, for / and \\ paths", () => {
    expect(sanitizeFileName("../../etc/passwd", "image/png")).toBe("passwd.png");
    expect(sanitizeFileName("C:\\Users\\me\\poster.jpg", "image/jpeg")).toBe("poster.jpg");
  });

  it("drops control and reserved characters", () => {
    expect(sanitizeFileName("po\u0000st\u001fer\u007f\n.png", "image/png")).toBe("poster.png");
    expect(sanitizeFileName('a<b>c:"d|e?*.png', "image/png")).toBe("abcde.png");
  });

  it("takes the extension from the real mime type, not from the name", () => {
    expect(sanitizeFileName("poster.exe", "image/png")).toBe("poster.png");
    expect(sanitizeFileName("still.png", "image/webp")).toBe("still.webp");
    expect(sanitizeFileName("notes.pdf", "application/pdf")).toBe("notes.bin");
  });

  it('names an empty or dots-only name "file.<ext>"', () => {
    expect(sanitizeFileName("", "image/webp")).toBe("file.webp");
    expect(sanitizeFileName("..", "image/png")).toBe("file.png");
    expect(sanitizeFileName("   ", "image/jpeg")).toBe("file.jpg");
  });

  it("keeps ordinary titles readable and caps the length", () => {
    expect(sanitizeFileName("The Third Man (1949).jpg", "image/jpeg")).toBe("The Third Man (1949).jpg");
    expect(sanitizeFileName(`${"a".repeat(300)}.png`, "image/png")).toBe(`${"a".repeat(100)}.png`);
  });
});

describe("LocalDiskStorage", () => {
  let parent: string;
  let storage: FileStorage;

  beforeAll(async () => {
    parent = await mkdtemp(path.join(os.tmpdir(), "marquee-storage-"));
    storage = new LocalDiskStorage(path.join(parent, "uploads"));
  });

  afterAll(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it("put → deliver returns the same bytes → remove → deliver returns null", async () => {
    const bytes = pngBytes();
    const stored = await storage.put({ fileName: "poster.png", mimeType: "image/png", bytes, isPublic: true });
    expect(stored.key).toMatch(FILE_KEY_PATTERN);
    expect(stored.key.endsWith(".png")).toBe(true);
    expect(stored.url).toBe(`/files/${stored.key}`);

    const delivery = await storage.deliver(refFor(stored, true));
    expect(delivery).toMatchObject({ kind: "bytes", size: bytes.byteLength });
    expect(await bytesOf(delivery)).toEqual(bytes);

    await storage.remove(stored.key);
    expect(await storage.deliver(refFor(stored, true))).toBeNull();
    await expect(storage.remove(stored.key)).resolves.toBeUndefined(); // removing twice is not an error
  });

  it("gives two uploads of the same name different keys, so neither overwrites the other", async () => {
    const first = pngBytes();
    const second = pngBytes();
    const a = await storage.put({ fileName: "same.png", mimeType: "image/png", bytes: first, isPublic: false });
    const b = await storage.put({ fileName: "same.png", mimeType: "image/png", bytes: second, isPublic: false });
    expect(a.key).not.toBe(b.key);
    expect(await bytesOf(await storage.deliver(refFor(a, false)))).toEqual(first);
    expect(await bytesOf(await storage.deliver(refFor(b, false)))).toEqual(second);
  });

  it("refuses keys that could leave the storage directory, and touches nothing outside it", async () => {
    const sentinel = path.join(parent, "sentinel");
    await writeFile(sentinel, "keep me");
    for (const key of ["../etc/passwd", "../sentinel", "../../sentinel", "ab/../../sentinel", "..", ""]) {
      await expect(storage.remove(key), key).rejects.toThrow(/invalid file key/);
      await expect(storage.deliver({ file_key: key, file_url: "", is_public: true, mime_type: "image/png" }), key)
        .rejects.toThrow(/invalid file key/);
      await expect(storage.setVisibility(key, false), key).rejects.toThrow(/invalid file key/);
    }
    expect(existsSync(sentinel)).toBe(true);
  });
});

describe("UploadThingStorage against a fake UploadThing", () => {
  const ENV_NAMES = [
    "UPLOADTHING_INGEST_URL",
    "UPLOADTHING_API_URL",
    "UPLOADTHING_UFS_HOST",
    "UPLOADTHING_UFS_APP_ID_LOCATION",
  ] as const;
  const savedEnv: Partial<Record<(typeof ENV_NAMES)[number], string>> = {};
  let fake: FakeUploadThing;
  let storage: FileStorage;

  beforeAll(async () => {
    fake = await startFakeUploadThing();
    for (const name of ENV_NAMES) savedEnv[name] = process.env[name];
    process.env.UPLOADTHING_INGEST_URL = fake.ingestUrl;
    process.env.UPLOADTHING_API_URL = fake.apiUrl;
    // Signed URLs for private files are built by the SDK from these two (default: https://<appId>.ufs.sh/f/<key>).
    process.env.UPLOADTHING_UFS_HOST = fake.ufsHost;
    process.env.UPLOADTHING_UFS_APP_ID_LOCATION = "path";
    storage = new UploadThingStorage(fake.token);
  });

  afterAll(async () => {
    for (const name of ENV_NAMES) {
      if (savedEnv[name] === undefined) delete process.env[name];
      else process.env[name] = savedEnv[name];
    }
    await fake?.close();
  });

  it("is named uploadthing", () => {
    expect(storage.name).toBe("uploadthing");
  });

  it("put uploads exactly the bytes, and the returned url serves them", async () => {
    const bytes = pngBytes(50_000);
    const fileName = sanitizeFileName("The Third Man (1949).png", "image/png");
    const stored = await storage.put({ fileName, mimeType: "image/png", bytes, isPublic: true });

    expect(stored.key).toMatch(FILE_KEY_PATTERN); // or /files/[key] would refuse it
    const received = fake.files.get(stored.key);
    expect(received).toBeDefined();
    expect(received!.bytes).toEqual(bytes);
    expect(received).toMatchObject({ name: fileName, type: "image/png", size: bytes.byteLength, acl: "public-read" });

    const served = await fetchBytes(stored.url);
    expect(served.status).toBe(200);
    expect(served.type).toBe("image/png");
    expect(served.bytes).toEqual(bytes);

    expect(await storage.deliver(refFor(stored, true))).toEqual({ kind: "redirect", url: stored.url });
  });

  it("a private file is served only through the short-lived signed URL deliver gives", async () => {
    const bytes = pngBytes();
    const stored = await storage.put({ fileName: "private.png", mimeType: "image/png", bytes, isPublic: false });
    expect(fake.files.get(stored.key)?.acl).toBe("private");
    expect((await fetchBytes(stored.url)).status).toBe(403); // the plain url is not enough

    const before = Date.now();
    const delivery = await storage.deliver(refFor(stored, false));
    if (delivery?.kind !== "redirect") throw new Error(`expected a redirect, got ${JSON.stringify(delivery)}`);
    const signed = new URL(delivery.url);
    expect(signed.pathname).toBe(`/a/${fake.appId}/${stored.key}`);
    expect(signed.searchParams.get("signature")).toMatch(/^hmac-sha256=[0-9a-f]{64}$/);
    const expires = Number(signed.searchParams.get("expires"));
    expect(expires).toBeGreaterThan(before);
    expect(expires).toBeLessThanOrEqual(Date.now() + SIGNED_URL_TTL_SECONDS * 1000);

    const served = await fetchBytes(delivery.url);
    expect(served.status).toBe(200);
    expect(served.bytes).toEqual(bytes);

    // The signature covers the key: the same signature does not open another file.
    const other = await storage.put({ fileName: "other.png", mimeType: "image/png", bytes: pngBytes(), isPublic: false });
    const forged = new URL(delivery.url);
    forged.pathname = `/a/${fake.appId}/${other.key}`;
    expect((await fetchBytes(forged.href)).status).toBe(403);
  });

  it("remove deletes the file on UploadThing, and removing it again is not an error", async () => {
    const stored = await storage.put({ fileName: "gone.png", mimeType: "image/png", bytes: pngBytes(), isPublic: true });
    expect(fake.files.has(stored.key)).toBe(true);

    await storage.remove(stored.key);
    expect(fake.requests.at(-1)).toEqual({ method: "POST", path: "/api/v6/deleteFiles", status: 200 });
    expect(fake.files.has(stored.key)).toBe(false);
    expect((await fetchBytes(stored.url)).status).toBe(404);

    await expect(storage.remove(stored.key)).resolves.toBeUndefined();
  });

  it("setVisibility changes the ACL on UploadThing: a file made private is no longer served at its plain URL", async () => {
    const bytes = pngBytes();
    const stored = await storage.put({ fileName: "toggled.png", mimeType: "image/png", bytes, isPublic: true });
    expect((await fetchBytes(stored.url)).status).toBe(200);

    await storage.setVisibility(stored.key, false);
    expect(fake.requests.at(-1)).toEqual({ method: "POST", path: "/api/v6/updateACL", status: 200 });
    expect(fake.files.get(stored.key)?.acl).toBe("private");
    expect((await fetchBytes(stored.url)).status).toBe(403);
    // Still reachable through the app: /files/[key] redirects to a signed URL.
    const delivery = await storage.deliver(refFor(stored, false));
    if (delivery?.kind !== "redirect") throw new Error(`expected a redirect, got ${JSON.stringify(delivery)}`);
    expect(await fetchBytes(delivery.url)).toMatchObject({ status: 200, bytes });

    await storage.setVisibility(stored.key, true);
    expect(fake.files.get(stored.key)?.acl).toBe("public-read");
    expect(await fetchBytes(stored.url)).toMatchObject({ status: 200, bytes });

    // Setting what it already is is not an error (the admin may re-apply a value to repair a drifted ACL).
    await expect(storage.setVisibility(stored.key, true)).resolves.toBeUndefined();
    expect(fake.files.get(stored.key)?.acl).toBe("public-read");
  });

  it("setVisibility on an app that does not allow ACL overrides fails with a clear error, and the ACL stays", async () => {
    const stored = await storage.put({ fileName: "locked.png", mimeType: "image/png", bytes: pngBytes(), isPublic: true });
    fake.settings.allowAclOverride = false;
    try {
      const error = await storage.setVisibility(stored.key, false).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).constructor).toBe(Error); // one plain line, not the SDK's Effect error
      expect((error as Error).message).toBe(
        `UploadThing change of ${stored.key} to private failed: ${new URL(fake.apiUrl).host} answered 403 Forbidden: ` +
          `${ACL_OVERRIDE_REFUSAL} (if the UploadThing app does not allow overriding its default ACL, turn that on ` +
          `in its dashboard under "Regions and ACL")`,
      );
      // Uploads are held to the same rule: an ACL other than the app's default is refused there too.
      await expect(
        storage.put({ fileName: "private.png", mimeType: "image/png", bytes: pngBytes(), isPublic: false }),
      ).rejects.toThrow(ACL_OVERRIDE_REFUSAL);
    } finally {
      fake.settings.allowAclOverride = true;
    }
    expect(fake.requests.filter((r) => r.path === "/api/v6/updateACL").at(-1)).toEqual({ method: "POST", path: "/api/v6/updateACL", status: 403 });
    expect(fake.files.get(stored.key)?.acl).toBe("public-read");
    expect((await fetchBytes(stored.url)).status).toBe(200);
  });

  it("setVisibility with the wrong API key or for a file UploadThing does not have fails and says why", async () => {
    const stored = await storage.put({ fileName: "mine.png", mimeType: "image/png", bytes: pngBytes(), isPublic: true });
    const impostor = new UploadThingStorage(makeUploadThingToken({ apiKey: "sk_test_wrong", appId: fake.appId }));
    await expect(impostor.setVisibility(stored.key, false)).rejects.toThrow(
      new Error(`UploadThing change of ${stored.key} to private failed: ${new URL(fake.apiUrl).host} answered 401 Unauthorized: Invalid API key`),
    );
    expect(fake.files.get(stored.key)?.acl).toBe("public-read");

    const missing = "missingfilekey123.png";
    await expect(storage.setVisibility(missing, true)).rejects.toThrow(
      new Error(`UploadThing change of ${missing} to public-read failed: ${new URL(fake.apiUrl).host} answered 404 Not Found: File not found: ${missing}`),
    );
  });

  it("refuses malformed keys before calling UploadThing", async () => {
    const before = fake.requests.length;
    await expect(storage.remove("../etc/passwd")).rejects.toThrow(/invalid file key/);
    await expect(
      storage.deliver({ file_key: "../etc/passwd", file_url: "", is_public: false, mime_type: "image/png" }),
    ).rejects.toThrow(/invalid file key/);
    await expect(storage.setVisibility("../etc/passwd", false)).rejects.toThrow(/invalid file key/);
    expect(fake.requests.length).toBe(before);
  });

  it("a token with the wrong API key: the fake rejects the upload and put() fails with a short, clear error", async () => {
    const wrongKey = `sk_test_${"0".repeat(48)}`;
    const impostor = new UploadThingStorage(makeUploadThingToken({ apiKey: wrongKey, appId: fake.appId }));
    const filesBefore = fake.files.size;

    const error = await impostor
      .put({ fileName: "poster.png", mimeType: "image/png", bytes: pngBytes(), isPublic: true })
      .then(() => null, (e: unknown) => e);

    expect(error).toBeInstanceOf(Error);
    expect((error as Error).constructor).toBe(Error);
    const message = (error as Error).message;
    expect(message).toBe(
      `UploadThing upload of "poster.png" failed: ${new URL(fake.ingestUrl).host} answered 403 Forbidden: Forbidden: invalid signature`,
    );
    expect(message).not.toContain(wrongKey);
    expect(fake.files.size).toBe(filesBefore);
    expect(fake.requests.at(-1)).toMatchObject({ method: "PUT", status: 403 });
  });

  it("a token with the wrong API key cannot delete, and says why", async () => {
    const stored = await storage.put({ fileName: "keep.png", mimeType: "image/png", bytes: pngBytes(), isPublic: true });
    const impostor = new UploadThingStorage(makeUploadThingToken({ apiKey: "sk_test_wrong", appId: fake.appId }));
    await expect(impostor.remove(stored.key)).rejects.toThrow(
      `UploadThing delete of ${stored.key} failed: ${new URL(fake.apiUrl).host} answered 401 Unauthorized: Invalid API key`,
    );
    expect(fake.files.has(stored.key)).toBe(true);
  });

  it("an unreachable ingest server gives a clear error, not a hang or an Effect dump", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    process.env.UPLOADTHING_INGEST_URL = `http://127.0.0.1:${port}`;
    try {
      await expect(
        storage.put({ fileName: "poster.png", mimeType: "image/png", bytes: pngBytes(), isPublic: true }),
      ).rejects.toThrow(`UploadThing upload of "poster.png" failed: could not reach 127.0.0.1:${port} (ECONNREFUSED)`);
    } finally {
      process.env.UPLOADTHING_INGEST_URL = fake.ingestUrl;
    }
  });

  it("an invalid token fails with the SDK's explanation", async () => {
    const broken = new UploadThingStorage(Buffer.from(JSON.stringify({ apiKey: "nope", appId: "x" })).toString("base64"));
    await expect(
      broken.put({ fileName: "poster.png", mimeType: "image/png", bytes: pngBytes(), isPublic: true }),
    ).rejects.toThrow(/^UploadThing upload of "poster.png" failed: Invalid token\..*\(INVALID_SERVER_CONFIG\)$/);
  });
});
