/**
 * Next's scripts and stylesheets (`/_next/static/…`), sent from brotli and gzip copies made once by `npm run build`
 * (scripts/lib/build.mjs, brotli at its highest quality) instead of by Next, which gzips every response again at a
 * moderate level. Their names carry a content hash, so a copy made once is right for as long as the file exists:
 * browsers keep them a year (immutable). Anything without copies, or a client that takes neither coding, goes to
 * Next as before. Held in memory: the whole set is a few hundred KB compressed.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { SECURITY_HEADERS } from "@/lib/security-headers";
import { pickEncoding } from "./content-coding";

type Asset = { type: string; br: Buffer; gzip: Buffer | null; tag: string };

const TYPES: Record<string, string> = { ".js": "application/javascript; charset=UTF-8", ".css": "text/css; charset=UTF-8" };
/** What Next sends with these files too. */
const IMMUTABLE = "public, max-age=31536000, immutable";

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

export class PrecompressedAssets {
  private constructor(private readonly assets: Map<string, Asset>) {}

  /** Reads the copies of `<distDir>/static`; none (a build made by `next build` alone) means Next sends everything. */
  static load(distDir: string): PrecompressedAssets {
    const root = path.join(distDir, "static");
    const assets = new Map<string, Asset>();
    if (existsSync(root)) {
      for (const file of files(root)) {
        const type = TYPES[path.extname(file)];
        if (!type || !existsSync(`${file}.br`)) continue;
        const br = readFileSync(`${file}.br`);
        const gzip = existsSync(`${file}.gz`) ? readFileSync(`${file}.gz`) : null;
        const tag = `"${createHash("sha256").update(readFileSync(file)).digest("base64url").slice(0, 22)}"`;
        assets.set(`/_next/static/${path.relative(root, file).split(path.sep).join("/")}`, { type, br, gzip, tag });
      }
    }
    return new PrecompressedAssets(assets);
  }

  get size(): number {
    return this.assets.size;
  }

  /** Sends the asset and returns true, or returns false when Next should answer (unknown path, no coding taken). */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const asset = this.assets.get(pathname);
    if (!asset) return false;
    const encoding = pickEncoding(String(req.headers["accept-encoding"] ?? ""), { br: true, gzip: asset.gzip !== null });
    if (!encoding) return false;
    for (const { key, value } of SECURITY_HEADERS) res.setHeader(key, value);
    res.setHeader("cache-control", IMMUTABLE);
    res.setHeader("content-type", asset.type);
    res.setHeader("vary", "Accept-Encoding");
    // The tag names the file's content; each coding is a different representation of it.
    const tag = `W/${asset.tag.slice(0, -1)}-${encoding}"`;
    res.setHeader("etag", tag);
    if (String(req.headers["if-none-match"] ?? "").split(",").some((candidate) => candidate.trim() === tag)) {
      res.writeHead(304);
      res.end();
      return true;
    }
    const body = encoding === "br" ? asset.br : asset.gzip!;
    res.setHeader("content-encoding", encoding);
    res.setHeader("content-length", body.length);
    res.writeHead(200);
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  }
}
