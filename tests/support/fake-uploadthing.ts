/**
 * A small, real HTTP stand-in for UploadThing (v7 server SDK wire protocol), for tests on a machine without internet.
 *
 * One node:http server on 127.0.0.1 plays three roles, each under its own prefix:
 *   ingest  PUT  /ingest/<key>?expires=…&x-ut-…=…&signature=hmac-sha256=<hex>   multipart body, field "file"
 *   API     POST /api/v6/deleteFiles   JSON {fileKeys:[…]} or {customIds:[…]}, header x-uploadthing-api-key
 *           POST /api/v6/updateACL     JSON {updates:[{fileKey|customId, acl}]}, header x-uploadthing-api-key
 *   UFS     GET  /f/<key> and /a/<appId>/<key>   serves stored bytes; private files need a valid signed URL
 *
 * Point the SDK at it with UPLOADTHING_INGEST_URL=ingestUrl, UPLOADTHING_API_URL=apiUrl and, for signed URLs that
 * resolve here, UPLOADTHING_UFS_HOST=ufsHost (contains "localhost", so the SDK uses http://) with
 * UPLOADTHING_UFS_APP_ID_LOCATION=path.
 *
 * Signatures are checked the way @uploadthing/shared signs them: HMAC-SHA256 keyed with the API key over the whole
 * URL (query included, `signature` excluded), hex, prefixed "hmac-sha256=", plus an `expires` epoch-ms parameter.
 *
 * ACLs follow the app's dashboard settings ("Regions and ACL"), which tests can change through `settings`: an ACL
 * other than the app's default, on upload or through updateACL, is refused with 403 unless overrides are allowed.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeAcl = "public-read" | "private";

export type FakeFile = {
  key: string;
  name: string;
  size: number;
  type: string;
  acl: FakeAcl;
  contentDisposition: string;
  customId: string | null;
  bytes: Uint8Array;
  fileHash: string;
};

export type FakeRequest = { method: string; path: string; status: number };

/** The app's dashboard settings under "Regions and ACL". */
export type FakeAppSettings = { defaultAcl: FakeAcl; allowAclOverride: boolean };

/** What the fake answers when an ACL override is not allowed. */
export const ACL_OVERRIDE_REFUSAL = "ACL overrides are not allowed for this app";

export type FakeUploadThing = {
  /** Value for UPLOADTHING_INGEST_URL. */
  ingestUrl: string;
  /** Value for UPLOADTHING_API_URL. */
  apiUrl: string;
  /** Value for UPLOADTHING_UFS_HOST (use with UPLOADTHING_UFS_APP_ID_LOCATION=path). */
  ufsHost: string;
  /** A valid UPLOADTHING_TOKEN for this fake app. */
  token: string;
  apiKey: string;
  appId: string;
  /** Stored files by key; `acl` is each file's current ACL (set on upload, changed by updateACL). */
  files: Map<string, FakeFile>;
  /** Mutable: takes effect on the next request. Defaults: public-read, overrides allowed. */
  settings: FakeAppSettings;
  /** Every request answered, in order (paths without query strings, so no signatures leak into test output). */
  requests: FakeRequest[];
  close(): Promise<void>;
};

/** Encodes an UPLOADTHING_TOKEN the way the dashboard does: base64 of {apiKey, appId, regions}. */
export function makeUploadThingToken(token: { apiKey: string; appId: string; regions?: string[] }): string {
  const { apiKey, appId, regions = ["fake1"] } = token;
  return Buffer.from(JSON.stringify({ apiKey, appId, regions }), "utf8").toString("base64");
}

const SIGNATURE_PREFIX = "hmac-sha256=";

type SignatureCheck = "ok" | "missing signature" | "invalid signature" | "expired";

/** Verifies a URL signed by the SDK's generateSignedURL (the URL as it arrived, `signature` included). */
export function checkSignedUrl(url: URL, apiKey: string, now = Date.now()): SignatureCheck {
  const signature = url.searchParams.get("signature");
  if (!signature || !signature.startsWith(SIGNATURE_PREFIX)) return "missing signature";
  // The SDK signs url.toString() before appending `signature`; its query was serialized by URLSearchParams, so
  // deleting the parameter and serializing again gives back exactly the signed string.
  const unsigned = new URL(url);
  unsigned.searchParams.delete("signature");
  const expected = Buffer.from(createHmac("sha256", apiKey).update(unsigned.toString()).digest("hex"), "utf8");
  const given = Buffer.from(signature.slice(SIGNATURE_PREFIX.length), "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "invalid signature";
  const expires = Number(unsigned.searchParams.get("expires"));
  if (!Number.isFinite(expires) || expires <= now) return "expired";
  return "ok";
}

/** The SDK encodeURIComponent()s each x-ut-* value before URLSearchParams encodes it again. */
function utParam(url: URL, name: string): string | null {
  const raw = url.searchParams.get(name);
  if (raw === null) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

async function readBody(req: http.IncomingMessage, limit = 64 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startFakeUploadThing(): Promise<FakeUploadThing> {
  const appId = "marqueefakeapp";
  const apiKey = `sk_test_${randomBytes(24).toString("hex")}`;
  const token = makeUploadThingToken({ apiKey, appId, regions: ["fake1"] });
  const files = new Map<string, FakeFile>();
  const requests: FakeRequest[] = [];
  const settings: FakeAppSettings = { defaultAcl: "public-read", allowAclOverride: true };
  const overrideRefused = (acl: FakeAcl) => acl !== settings.defaultAcl && !settings.allowAclOverride;
  let base = ""; // http://127.0.0.1:<port>, known once listening
  let ufsBase = ""; // http://localhost:<port>

  type Answer = { status: number; headers?: Record<string, string>; body?: string | Uint8Array };
  const json = (status: number, value: unknown): Answer => ({
    status,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(value),
  });

  async function ingest(req: http.IncomingMessage, url: URL, key: string): Promise<Answer> {
    if (req.method !== "PUT") return json(405, { error: "Method not allowed" });
    const check = checkSignedUrl(url, apiKey);
    if (check !== "ok") return json(403, { error: `Forbidden: ${check}` });
    if (utParam(url, "x-ut-identifier") !== appId) return json(403, { error: "Forbidden: wrong app identifier" });
    const range = req.headers["range"];
    if (range !== undefined && range !== "bytes=0-") return json(416, { error: "Only fresh uploads (Range: bytes=0-)" });

    const contentType = req.headers["content-type"] ?? "";
    if (!contentType.startsWith("multipart/form-data")) return json(400, { error: "Expected multipart/form-data" });
    const raw = await readBody(req);
    let form: FormData;
    try {
      form = await new Response(raw as Uint8Array<ArrayBuffer>, { headers: { "content-type": contentType } }).formData();
    } catch {
      return json(400, { error: "Malformed multipart body" });
    }
    const part = form.get("file");
    if (!part || typeof part === "string") return json(400, { error: 'Missing "file" part' });
    const bytes = new Uint8Array(await part.arrayBuffer());

    const declaredSize = Number(utParam(url, "x-ut-file-size"));
    if (declaredSize !== bytes.byteLength) {
      return json(400, { error: `Size mismatch: signed ${declaredSize}, received ${bytes.byteLength}` });
    }
    const acl = (utParam(url, "x-ut-acl") ?? settings.defaultAcl) as FakeAcl;
    if (acl !== "public-read" && acl !== "private") return json(400, { error: "Invalid x-ut-acl" });
    if (overrideRefused(acl)) return json(403, { error: ACL_OVERRIDE_REFUSAL });

    const fileHash = createHash("md5").update(bytes).digest("hex");
    files.set(key, {
      key,
      name: utParam(url, "x-ut-file-name") ?? part.name,
      size: bytes.byteLength,
      type: utParam(url, "x-ut-file-type") ?? part.type,
      acl,
      contentDisposition: utParam(url, "x-ut-content-disposition") ?? "inline",
      customId: utParam(url, "x-ut-custom-id"),
      bytes,
      fileHash,
    });
    return json(200, {
      url: `${ufsBase}/f/${key}`,
      appUrl: `${ufsBase}/a/${appId}/${key}`,
      ufsUrl: `${ufsBase}/a/${appId}/${key}`,
      fileHash,
      serverData: null,
    });
  }

  async function api(req: http.IncomingMessage, route: string): Promise<Answer> {
    if (req.method !== "POST") return json(405, { error: "Method not allowed" });
    if (req.headers["x-uploadthing-api-key"] !== apiKey) return json(401, { error: "Invalid API key" });
    let body: { fileKeys?: unknown; customIds?: unknown; updates?: unknown };
    try {
      body = JSON.parse((await readBody(req)).toString("utf8"));
    } catch {
      return json(400, { error: "Invalid JSON body" });
    }
    if (route === "/v6/deleteFiles") {
      const byKey = Array.isArray(body.fileKeys);
      const ids = byKey ? body.fileKeys : body.customIds;
      if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string")) {
        return json(400, { error: "Expected fileKeys or customIds: string[]" });
      }
      let deletedCount = 0;
      for (const [key, file] of files) {
        const id = byKey ? key : file.customId;
        if (id !== null && ids.includes(id)) {
          files.delete(key);
          deletedCount += 1;
        }
      }
      return json(200, { success: true, deletedCount });
    }
    if (route === "/v6/updateACL") {
      type Update = { fileKey?: unknown; customId?: unknown; acl?: unknown };
      const updates = body.updates as Update[] | undefined;
      const valid =
        Array.isArray(updates) &&
        updates.every(
          (u) =>
            u !== null &&
            typeof u === "object" &&
            (typeof u.fileKey === "string") !== (typeof u.customId === "string") &&
            (u.acl === "public-read" || u.acl === "private"),
        );
      if (!valid) return json(400, { error: 'Expected updates: {fileKey or customId, acl: "public-read" | "private"}[]' });
      // All or nothing: check every update before applying any.
      const changes: { file: FakeFile; acl: FakeAcl }[] = [];
      for (const update of updates) {
        const acl = update.acl as FakeAcl;
        if (overrideRefused(acl)) return json(403, { error: ACL_OVERRIDE_REFUSAL });
        const file =
          typeof update.fileKey === "string"
            ? files.get(update.fileKey)
            : [...files.values()].find((f) => f.customId !== null && f.customId === update.customId);
        if (!file) return json(404, { error: `File not found: ${String(update.fileKey ?? update.customId)}` });
        changes.push({ file, acl });
      }
      for (const { file, acl } of changes) file.acl = acl;
      return json(200, { success: true });
    }
    return json(404, { error: `Not implemented by the fake: ${route}` });
  }

  function serve(req: http.IncomingMessage, url: URL, key: string): Answer {
    if (req.method !== "GET" && req.method !== "HEAD") return json(405, { error: "Method not allowed" });
    const file = files.get(key);
    if (!file) return json(404, { error: "Not found" });
    if (file.acl === "private") {
      const check = checkSignedUrl(url, apiKey);
      if (check !== "ok") return json(403, { error: `Forbidden: ${check}` });
    }
    return {
      status: 200,
      headers: {
        "content-type": file.type,
        "content-length": String(file.size),
        "content-disposition": `${file.contentDisposition}; filename="${encodeURIComponent(file.name)}"`,
      },
      body: req.method === "HEAD" ? undefined : file.bytes,
    };
  }

  async function route(req: http.IncomingMessage): Promise<Answer> {
    // Signatures cover the origin the SDK used, so rebuild the URL from the Host the client sent.
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
    const parts = url.pathname.split("/").filter(Boolean);
    if (parts[0] === "ingest" && parts.length === 2) return ingest(req, url, parts[1]);
    if (parts[0] === "api") return api(req, `/${parts.slice(1).join("/")}`);
    if (parts[0] === "f" && parts.length === 2) return serve(req, url, parts[1]);
    if (parts[0] === "a" && parts.length === 3 && parts[1] === appId) return serve(req, url, parts[2]);
    return json(404, { error: "Not found" });
  }

  const server = http.createServer((req, res) => {
    route(req)
      .catch((error: unknown) => json(500, { error: error instanceof Error ? error.message : String(error) }))
      .then((answer) => {
        requests.push({ method: req.method ?? "", path: (req.url ?? "").split("?")[0], status: answer.status });
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  ufsBase = `http://localhost:${port}`;

  return {
    ingestUrl: `${base}/ingest`,
    apiUrl: `${base}/api`,
    ufsHost: `localhost:${port}`,
    token,
    apiKey,
    appId,
    files,
    settings,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
