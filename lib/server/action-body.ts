/**
 * Server-action bodies checked at the edge, before Next reads them. Next answers a body it cannot decode (a broken
 * multipart form, a reply part that is not JSON, a body over the size limit) with a 500 and a stack trace in the
 * log; here such a request gets a 400 or 413 and one log line, and Next never sees it. A body that passes is handed
 * to Next unchanged (scripts/server.ts replays the bytes read here).
 *
 * Parsed the way Next parses it: a fetch action's multipart body with Next's own busboy and its limits, a no-JS
 * form post with the platform's Request.formData() (what Next calls), and the argument list with the reference rules
 * of React's reply format (React's decodeReply itself needs the react-server build and the bundler's module map,
 * which only exist inside Next). Only what React would certainly refuse is refused; anything this does not
 * understand passes to Next as before.
 */
import type { IncomingMessage } from "node:http";
import { busboy } from "./next-internals";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/limits";

export type BodyVerdict = { ok: true; body: Buffer } | { ok: false; status: 400 | 403 | 413; reason: string };

type Fields = Map<string, string | { file: true }>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** True for a request Next would treat as a possible server action: a POST to a page with an action id or a form. */
export function isPossibleAction(req: IncomingMessage, pathname: string): boolean {
  if (req.method !== "POST") return false;
  if (/^\/(api|files|_next)(\/|$)/.test(pathname)) return false;
  const contentType = one(req.headers["content-type"]) ?? "";
  return req.headers["next-action"] !== undefined || contentType.toLowerCase().startsWith("multipart/form-data");
}

/**
 * Next refuses an action posted from another origin (its CSRF check: Origin against X-Forwarded-For-Host or Host)
 * by throwing, which answers 500; the same rule here answers 403. No Origin passes, as in Next (no browser omits it
 * on a cross-site post, and a hand-made request carries no one else's cookies).
 */
export function originProblem(headers: IncomingMessage["headers"]): string | null {
  const origin = one(headers.origin);
  if (origin === undefined) return null;
  let originHost: string;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return "an Origin header that is not a URL";
  }
  const host = one(headers["x-forwarded-host"])?.split(",")[0]?.trim() || one(headers.host);
  return host && originHost === host ? null : `posted from ${origin.slice(0, 100)} to ${String(host).slice(0, 100)}`;
}

/** Reads the whole body, refusing it past the limit (at once when Content-Length says so). */
export function readBody(req: IncomingMessage, limit = ACTION_BODY_LIMIT_BYTES): Promise<Buffer | "too-large" | "aborted"> {
  const declared = Number(one(req.headers["content-length"]));
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve("too-large");
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (value: Buffer | "too-large" | "aborted") => {
      if (done) return;
      done = true;
      resolve(value);
    };
    req.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        req.pause();
        return finish("too-large");
      }
      chunks.push(chunk);
    });
    req.on("end", () => finish(Buffer.concat(chunks)));
    req.on("error", () => finish("aborted"));
    req.on("aborted", () => finish("aborted"));
  });
}

/** The fields of a multipart body as Next's fetch-action path reads them (busboy, Next's limits), or the parse error. */
function parseWithBusboy(headers: IncomingMessage["headers"], body: Buffer): Promise<Fields | Error> {
  return new Promise((resolve) => {
    const fields: Fields = new Map();
    let parser: ReturnType<typeof busboy>;
    try {
      parser = busboy({ defParamCharset: "utf8", headers, limits: { fieldSize: ACTION_BODY_LIMIT_BYTES } });
    } catch (error) {
      return resolve(error as Error);
    }
    parser.on("field", (name: string, value: string) => {
      if (!fields.has(name)) fields.set(name, value);
    });
    parser.on("file", (name: string, stream: NodeJS.ReadableStream) => {
      if (!fields.has(name)) fields.set(name, { file: true });
      stream.resume();
    });
    parser.on("error", (error: Error) => resolve(error));
    parser.on("close", () => resolve(fields));
    parser.end(body);
  });
}

/** The fields of a no-JS form post as Next's MPA path reads them (the platform's Request.formData()). */
async function parseWithFormData(contentType: string, body: Buffer): Promise<Fields | Error> {
  try {
    const form = await new Request("http://localhost", { method: "POST", headers: { "content-type": contentType }, body: new Uint8Array(body) }).formData();
    const fields: Fields = new Map();
    for (const [name, value] of form) if (!fields.has(name)) fields.set(name, typeof value === "string" ? value : { file: true });
    return fields;
  } catch (error) {
    return error as Error;
  }
}

const BINARY_TAGS = new Set(["A", "O", "o", "U", "S", "s", "L", "l", "G", "g", "M", "m", "V", "B"]);
const OUTLINED_TAGS = new Set(["@", "h", "F", "Q", "W", "i"]);

/**
 * Why React's reply decoder would refuse these fields, or null. Part `<prefix>0` is the argument list (JSON);
 * "$<hex>", "$@", "$h", "$F", "$Q", "$W" and "$i" refer to other JSON parts by id, binary tags to file parts, "$n" is
 * a BigInt. A reference to a part that is not there fails React with "Connection closed."; so does bad JSON.
 */
export function replyProblem(fields: Fields, prefix = ""): string | null {
  const seen = new Set<number>();
  const pending: number[] = [0];
  while (pending.length) {
    const id = pending.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const part = fields.get(prefix + id);
    if (typeof part !== "string") return part ? `part ${id} is a file where a value belongs` : `part ${id} is missing`;
    let model: unknown;
    try {
      model = JSON.parse(part);
    } catch {
      return `part ${id} is not JSON`;
    }
    const stack: unknown[] = [model];
    while (stack.length) {
      const value = stack.pop();
      if (typeof value === "string") {
        if (value[0] !== "$" || value.length < 2) continue;
        const tag = value[1];
        if (tag === "n") {
          if (!/^-?\d{1,300}$/.test(value.slice(2))) return "a BigInt is not a number";
        } else if (BINARY_TAGS.has(tag)) {
          const ref = parseInt(value.slice(2), 16);
          const file = Number.isNaN(ref) ? undefined : fields.get(prefix + ref);
          if (!file || typeof file === "string") return "a binary value refers to a missing file part";
        } else if (OUTLINED_TAGS.has(tag) || /[0-9a-f]/.test(tag)) {
          const ref = parseInt((OUTLINED_TAGS.has(tag) ? value.slice(2) : value.slice(1)).split(":")[0], 16);
          if (Number.isNaN(ref)) return "a reference is not a part id";
          pending.push(ref);
        }
      } else if (Array.isArray(value)) {
        stack.push(...value);
      } else if (value && typeof value === "object") {
        stack.push(...Object.values(value));
      }
    }
  }
  return null;
}

/**
 * Reads and checks a possible server action's body. Bad input is { ok: false } with the status to answer;
 * a body Next can decode comes back whole for Next to read again.
 */
export async function checkActionBody(req: IncomingMessage): Promise<BodyVerdict | "aborted"> {
  const crossSite = originProblem(req.headers);
  if (crossSite) return { ok: false, status: 403, reason: crossSite };
  const body = await readBody(req);
  if (body === "aborted") return "aborted";
  if (body === "too-large") return { ok: false, status: 413, reason: `body over ${ACTION_BODY_LIMIT_BYTES} bytes` };
  const contentType = one(req.headers["content-type"]) ?? "";
  const multipart = contentType.toLowerCase().startsWith("multipart/form-data");
  const fetchAction = req.headers["next-action"] !== undefined;
  // Next answers a url-encoded fetch action with a 404 itself, without decoding it.
  if (fetchAction && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) return { ok: true, body };
  if (fetchAction) {
    const fields = multipart ? await parseWithBusboy(req.headers, body) : new Map([["0", body.toString("utf8")]]);
    if (fields instanceof Error) return { ok: false, status: 400, reason: `malformed multipart body (${fields.message})` };
    const problem = replyProblem(fields);
    return problem ? { ok: false, status: 400, reason: `undecodable action arguments: ${problem}` } : { ok: true, body };
  }
  if (!multipart) return { ok: true, body };
  const fields = await parseWithFormData(contentType, body);
  if (fields instanceof Error) return { ok: false, status: 400, reason: `malformed form body (${fields.message})` };
  // A no-JS form post names its action in a "$ACTION_ID_<id>" or "$ACTION_REF_<n>" field; Next refuses one without
  // (400, with a warning in the log per request).
  if (![...fields.keys()].some((name) => name.startsWith("$ACTION_ID_") || name.startsWith("$ACTION_REF_"))) {
    return { ok: false, status: 400, reason: "a form post that names no action" };
  }
  // A no-JS form of a bound action (useActionState) carries its bound arguments as a reply under "$ACTION_<n>:".
  for (const name of fields.keys()) {
    const ref = /^\$ACTION_REF_(.+)$/.exec(name);
    if (!ref) continue;
    const problem = replyProblem(fields, `$ACTION_${ref[1]}:`);
    if (problem) return { ok: false, status: 400, reason: `undecodable form action: ${problem}` };
  }
  return { ok: true, body };
}
