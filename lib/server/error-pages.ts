/**
 * The pages the production server answers by itself when Next cannot: PostgreSQL unavailable (503), an address
 * that is not valid percent-encoding (400) and a failed render (500). Plain HTML with its styles inline: they must read the same without JavaScript, without the
 * database and without the app's stylesheet, in light and dark.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

type Page = { status: number; title: string; heading: string; message: string; retry: boolean };

const PAGES = {
  unavailable: {
    status: 503,
    title: "Marquee is briefly unavailable",
    heading: "We'll be right back",
    message: "Marquee can't reach its catalogue just now. Nothing you saved is lost. Please try again in a few seconds.",
    retry: true,
  },
  badAddress: {
    status: 400,
    title: "Page not found · Marquee",
    heading: "This address doesn't look right",
    message: "Part of the address could not be read (a stray % sign, perhaps). Check it, or start again from the home page.",
    retry: false,
  },
  error: {
    status: 500,
    title: "Something went wrong · Marquee",
    heading: "Something went wrong",
    message: "We could not load this page just now. Please try again in a moment.",
    retry: true,
  },
} satisfies Record<string, Page>;

export type ErrorPageKind = keyof typeof PAGES;

const STYLE = `
/* The site's tokens (app/globals.css), copied: this page cannot load the stylesheet. */
:root{color-scheme:light dark;--bg:oklch(0.985 0.003 80);--fg:oklch(0.2 0.01 60);--muted:oklch(0.47 0.012 60);--border:oklch(0.89 0.008 80);--accent:oklch(0.555 0.163 49);--on-accent:oklch(0.99 0 0)}
@media (prefers-color-scheme:dark){:root{--bg:oklch(0.16 0.008 60);--fg:oklch(0.95 0.006 80);--muted:oklch(0.72 0.012 70);--border:oklch(0.3 0.01 60);--accent:oklch(0.78 0.15 70);--on-accent:oklch(0.18 0.01 60)}}
*{box-sizing:border-box}body{margin:0;min-height:100vh;display:grid;place-items:center;background:var(--bg);color:var(--fg);
font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;padding:24px}
main{max-width:34rem;text-align:center}.brand{font-weight:700;letter-spacing:.02em;color:var(--accent);margin:0 0 2rem}
h1{font-size:1.9rem;line-height:1.2;margin:0 0 .75rem}p{color:var(--muted);margin:0}
nav{margin-top:2rem;display:flex;gap:.75rem;justify-content:center;flex-wrap:wrap}
a{display:inline-block;padding:.6rem 1.25rem;border-radius:999px;border:1px solid var(--border);color:var(--fg);text-decoration:none;font-weight:500}
a.primary{background:var(--accent);border-color:var(--accent);color:var(--on-accent)}a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function errorPageHtml(kind: ErrorPageKind, retryPath: string): string {
  const page = PAGES[kind];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${page.title}</title><style>${STYLE}</style></head>
<body><main role="alert"><p class="brand">Marquee</p><h1>${page.heading}</h1><p>${page.message}</p>
<nav>${page.retry ? `<a class="primary" href="${escapeHtml(retryPath)}">Try again</a><a href="/">Home</a>` : `<a class="primary" href="/">Home</a><a href="/search">Search</a>`}</nav></main></body></html>`;
}

/** Whether the client asked for an HTML document (not an RSC payload, JSON or an image). */
export function wantsDocument(req: IncomingMessage): boolean {
  if (req.headers.rsc !== undefined || req.headers["next-action"] !== undefined) return false;
  const accept = String(req.headers.accept ?? "");
  return accept === "" || accept.includes("text/html") || accept.includes("*/*");
}

/** Sends one of the pages (HTML for documents, a line of text otherwise), replacing any header already set. */
export function sendErrorPage(req: IncomingMessage, res: ServerResponse, kind: ErrorPageKind) {
  const page = PAGES[kind];
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  const path = req.url?.startsWith("/") && !req.url.startsWith("//") ? req.url : "/";
  const html = wantsDocument(req) && !path.startsWith("/api/");
  const body = html ? errorPageHtml(kind, path) : `${page.heading}: ${page.message}\n`;
  res.statusCode = page.status;
  res.setHeader("content-type", html ? "text/html; charset=utf-8" : "text/plain; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.setHeader("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
  res.setHeader("x-content-type-options", "nosniff");
  if (page.status === 503) res.setHeader("retry-after", "5");
  res.setHeader("content-length", Buffer.byteLength(body));
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * Holds back a document's 5xx from Next (its error page is empty until JavaScript runs) and sends ours instead,
 * chosen by `kind` once Next is done (e.g. after asking whether the database is the cause).
 */
export function replaceServerErrors(req: IncomingMessage, res: ServerResponse, kind: () => Promise<ErrorPageKind>) {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  let held = false;
  const holding = () => (held ||= !res.headersSent && res.statusCode >= 500);
  const restore = () => Object.assign(res, original);
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    if (status >= 500 && !res.headersSent) {
      res.statusCode = status;
      held = true;
      return res;
    }
    return (original.writeHead as (...args: unknown[]) => ServerResponse).call(res, status, ...rest);
  } as ServerResponse["writeHead"];
  res.flushHeaders = function () {
    if (!holding()) original.flushHeaders.call(res);
  };
  res.write = function (this: ServerResponse, ...args: unknown[]) {
    if (!holding()) return (original.write as (...a: unknown[]) => boolean).apply(res, args);
    const callback = args.find((a) => typeof a === "function") as (() => void) | undefined;
    callback?.();
    return true;
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    if (!holding()) {
      restore();
      return (original.end as (...a: unknown[]) => ServerResponse).apply(res, args);
    }
    restore();
    void kind()
      .catch((): ErrorPageKind => "error")
      .then((chosen) => sendErrorPage(req, res, chosen));
    return res;
  } as ServerResponse["end"];
}
