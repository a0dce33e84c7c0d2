/**
 * Requests from a client address of the test's own: every 127.x.y.z is this machine, so a test can be "another
 * client" to the server's socket without trusting any header (TRUST_PROXY is 0 in the tests, as by default). Each
 * call of `loopbackClient()` picks a fresh address, so a retried test never meets the counters of its first try.
 * Plain node:http with `localAddress` (Playwright's request context cannot choose its source address). Cookies are
 * kept per client, like a browser's.
 */
import http from "node:http";
import { buildMultipart, findAction } from "./server-actions";

export type LoopbackResponse = { status: number; headers: http.IncomingHttpHeaders; text: string };

const port = () => Number(process.env.E2E_PORT ?? 3100);

export function randomLoopbackAddress(): string {
  const octet = () => 1 + Math.floor(Math.random() * 254);
  return `127.${octet()}.${octet()}.${octet()}`;
}

export function loopbackClient(address = randomLoopbackAddress()) {
  const jar = new Map<string, string>();

  function send(method: string, path: string, headers: Record<string, string> = {}, body?: Buffer): Promise<LoopbackResponse> {
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port: port(),
          localAddress: address,
          method,
          path,
          // The host the other clients use, so Auth.js's and Next's same-origin checks see one site.
          headers: { host: `localhost:${port()}`, ...(cookie ? { cookie } : {}), ...(body ? { "content-length": String(body.length) } : {}), ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            for (const line of res.headers["set-cookie"] ?? []) {
              const [pair, ...attributes] = line.split(";");
              const at = pair.indexOf("=");
              const name = pair.slice(0, at).trim();
              const value = pair.slice(at + 1).trim();
              const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
              if (expired || value === "") jar.delete(name);
              else jar.set(name, value);
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") });
          });
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  return {
    address,
    /** Puts a cookie in this client's jar (e.g. one a browser was given). */
    setCookie: (name: string, value: string) => void jar.set(name, value),
    hasCookie: (name: string) => jar.has(name),
    get: (path: string, headers?: Record<string, string>) => send("GET", path, headers),
    post: (path: string, body: Buffer, headers: Record<string, string>) => send("POST", path, headers, body),

    /** A failed-or-not sign-in through Auth.js's credentials endpoint; `throttled` when the answer says to wait. */
    async signIn(login: string, password: string, headers: Record<string, string> = {}): Promise<{ signedIn: boolean; throttled: boolean; location: string }> {
      const csrf = JSON.parse((await send("GET", "/api/auth/csrf", headers)).text) as { csrfToken: string };
      const form = new URLSearchParams({ csrfToken: csrf.csrfToken, login, password, callbackUrl: "/" }).toString();
      const response = await send("POST", "/api/auth/callback/credentials", { ...headers, "content-type": "application/x-www-form-urlencoded" }, Buffer.from(form));
      const location = String(response.headers.location ?? "");
      return { signedIn: !location.includes("error="), throttled: /code=throttled-\d+/.test(location), location };
    },

    /** Calls a server action as React's client does (see server-actions.ts); the answer is the RSC payload. */
    async callAction(action: { file: string; name: string }, fields: Record<string, string>, previousState?: Record<string, unknown>) {
      const { id, page } = findAction(action.file, action.name);
      const form = buildMultipart(JSON.stringify(previousState === undefined ? ["$K1"] : [previousState, "$K1"]), fields, 1);
      const encoded = new Request("http://localhost", { method: "POST", body: form });
      const body = Buffer.from(await encoded.arrayBuffer());
      return send("POST", page, { "next-action": id, accept: "text/x-component", origin: `http://localhost:${port()}`, "content-type": encoded.headers.get("content-type")! }, body);
    },
  };
}
