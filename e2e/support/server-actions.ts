/**
 * Calls a server action over HTTP the way any client can: actions are public endpoints, so tests call them
 * directly — anonymous, as another user, with tampered fields — and then check the database. The action id
 * comes from the build's server-reference manifest (file + exported name), the request is what React's client
 * sends (a `Next-Action` header and a multipart body encoded like encodeReply: the argument list in part "0",
 * a FormData argument's entries prefixed "_<part>_", as React 19.3 encodes them).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect } from "@playwright/test";

type Manifest = { node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }> };

let manifest: Manifest | undefined;

function loadManifest(): Manifest {
  const distDir = process.env.MARQUEE_DIST_DIR || ".next";
  manifest ??= JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  return manifest;
}

/** The action's id and a page path whose bundle includes it (static pages first; dynamic segments become 1). */
export function findAction(filename: string, exportedName: string): { id: string; page: string } {
  const entries = Object.entries(loadManifest().node).filter(([, v]) => v.filename === filename && v.exportedName === exportedName);
  if (entries.length !== 1) throw new Error(`server action ${filename}#${exportedName}: ${entries.length} matches in the build`);
  const [id, entry] = entries[0];
  const pages = Object.keys(entry.workers)
    .filter((w) => w.endsWith("/page"))
    .map((w) => "/" + w.replace(/^app\//, "").replace(/\/page$/, "").split("/").filter((s) => !/^\(.*\)$/.test(s)).join("/"))
    .sort((a, b) => Number(a.includes("[")) - Number(b.includes("[")) || a.length - b.length);
  if (!pages.length) throw new Error(`server action ${exportedName}: no page to post to`);
  // An action used only on a dynamic page is posted to it with its segments filled in (the action runs first).
  return { id, page: pages[0].replace(/\[[^/\]]+\]/g, "1") };
}

type Field = string | { name: string; mimeType: string; buffer: Buffer };

/**
 * Posts to a server action. `fields` become the FormData argument; with `previousState` the action is called
 * as `(previousState, formData)` (useActionState's shape), else as `(formData)`.
 */
export async function callAction(
  request: APIRequestContext,
  action: { file: string; name: string },
  fields: Record<string, Field | Field[]>,
  options: { previousState?: Record<string, unknown> } = {},
): Promise<APIResponse> {
  const { id, page } = findAction(action.file, action.name);
  const withState = options.previousState !== undefined;
  const formRef = 1;
  // Part "0": the argument list; "$K<n>" refers to the FormData whose entries are the parts prefixed "_<n>_".
  const args = JSON.stringify(withState ? [options.previousState, `$K${formRef}`] : [`$K${formRef}`]);
  const response = await request.post(page, {
    // The Origin a browser on this site would send (Next refuses actions from other origins).
    headers: { "Next-Action": id, Accept: "text/x-component", Origin: `http://localhost:${process.env.E2E_PORT ?? 3100}` },
    multipart: buildMultipart(args, fields, formRef),
    maxRedirects: 0,
  });
  return response;
}

/** The FormData React's client sends for an action called with `args` (part "0") and a FormData argument `$K<ref>`. */
export function buildMultipart(args: string, fields: Record<string, Field | Field[]>, ref: number) {
  // A FormData rather than Playwright's object form: repeated names (multi-selects) need several values.
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === "string") form.append(`_${ref}_${name}`, v);
      else form.append(`_${ref}_${name}`, new Blob([new Uint8Array(v.buffer)], { type: v.mimeType }), v.name);
    }
  }
  // The root goes last, as React sends it: the server resolves "$K" references against the entries seen so far.
  form.append("0", args);
  return form;
}

/** Signs a request context in through Auth.js's credentials endpoint (the same path the sign-in form ends in). */
export async function signInRequest(request: APIRequestContext, login: string, password: string): Promise<void> {
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, login, password, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(response.status(), "credentials sign-in answers with a redirect").toBeLessThan(400);
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: unknown } | null;
  expect(session?.user, `signed in as ${login}`).toBeTruthy();
}
