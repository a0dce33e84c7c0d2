/**
 * The one place that reads process.env. Every variable is validated with zod; a bad value raises a
 * ConfigError whose message names the variable. Used by the app and by the scripts (so no "server-only").
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

const port = z.coerce
  .number({ error: "must be a port number" })
  .int("must be a whole number")
  .min(1, "must be between 1 and 65535")
  .max(65535, "must be between 1 and 65535");

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === "postgres:" || u.protocol === "postgresql:";
    } catch {
      return false;
    }
  }, "must be a postgres:// or postgresql:// URL, e.g. postgres://user:password@localhost:5432/marquee");

const uploadThingToken = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const parsed = JSON.parse(Buffer.from(v, "base64").toString("utf8"));
      return (
        typeof parsed.apiKey === "string" &&
        parsed.apiKey.startsWith("sk_") &&
        typeof parsed.appId === "string" &&
        Array.isArray(parsed.regions) &&
        parsed.regions.length > 0
      );
    } catch {
      return false;
    }
  }, "must be the base64 token from the UploadThing dashboard (it encodes apiKey, appId and regions)");

const optionalUrl = z.string().trim().url("must be a URL like https://example.com").optional();

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl.optional(),
  PORT: port.default(3000),
  EMBEDDED_PG_PORT: port.default(54329),
  DATA_DIR: z.string().trim().min(1).default(".data"),
  UPLOADS_DIR: z.string().trim().min(1).optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional(),
  AUTH_URL: optionalUrl,
  UPLOADTHING_TOKEN: uploadThingToken.optional(),
  UPLOADTHING_API_URL: optionalUrl,
  UPLOADTHING_INGEST_URL: optionalUrl,
  // Read by the UploadThing SDK for signed URLs of private files (tests point them at a fake server).
  UPLOADTHING_UFS_HOST: z.string().trim().regex(/^[a-z0-9.-]+(:\d+)?$/i, "must be a host name such as ufs.sh").optional(),
  UPLOADTHING_UFS_APP_ID_LOCATION: z.enum(["subdomain", "path"]).optional(),
  MARQUEE_SEED: z.enum(["demo", "none"]).default("demo"),
  // Build output directory; separate ones let several checkouts' builds and test runs coexist.
  MARQUEE_DIST_DIR: z.string().trim().regex(/^\.next[\w-]*$/, "must be .next or start with .next (e.g. .next-ci)").default(".next"),
  // The anonymous page cache of the production server (scripts/server.ts, lib/page-cache.ts): "off" has Next render
  // every request; the size is per instance.
  MARQUEE_PAGE_CACHE: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  // Proxy hops in front of the server whose X-Forwarded-* headers are believed (Express's `trust proxy` as a number):
  // 0 = nothing in front, the client's address is the socket's.
  TRUST_PROXY: z.coerce.number({ error: "must be a number of proxy hops (0 when nothing sits in front)" }).int("must be a whole number").min(0, "must be from 0 to 10").max(10, "must be from 0 to 10").default(0),
  // Read by Next itself; validated here so a bad value is one clear line. The build id doubles as the deployment id
  // (scripts/lib/build.mjs sets it for `next build`; the server hands the build's own to Next at start).
  NEXT_DEPLOYMENT_ID: z.string().trim().regex(/^[\w-]{1,64}$/, "must be 1 to 64 letters, digits, - or _").optional(),
  // The key that encrypts server actions' bound arguments. Unset: the build's own key, the same for every instance of
  // one build. Set it (to the same value everywhere, at build time and at run time) when instances are built apart.
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
    .string()
    .trim()
    .refine((v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && [16, 24, 32].includes(Buffer.from(v, "base64").length), "must be a base64 AES key of 16, 24 or 32 bytes (try: openssl rand -base64 32)")
    .optional(),
  MARQUEE_PAGE_CACHE_MB: z.coerce.number({ error: "must be a number of megabytes" }).int("must be a whole number").min(1, "must be from 1 to 65536").max(65536, "must be from 1 to 65536").default(128),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

function blankToUndefined(source: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = source[key];
    out[key] = value === undefined || value.trim() === "" ? undefined : value;
  }
  return out;
}

/** Parses an environment (process.env by default); throws ConfigError naming the first bad variable. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = schema.safeParse(blankToUndefined(source));
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue.path[0] ?? "environment");
    throw new ConfigError(`${name} ${issue.message}`);
  }
  return result.data;
}

export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}

export function dataDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), getEnv().DATA_DIR);
}

/** Where the local-disk storage keeps files (UPLOADS_DIR, default <DATA_DIR>/uploads). */
export function uploadsDir(): string {
  const configured = getEnv().UPLOADS_DIR;
  return configured ? path.resolve(/* turbopackIgnore: true */ process.cwd(), configured) : path.join(dataDir(), "uploads");
}

/** True when uploads go to UploadThing rather than the local disk. */
export function usesUploadThing(): boolean {
  return Boolean(getEnv().UPLOADTHING_TOKEN);
}

/**
 * AUTH_SECRET: required in production; elsewhere generated once into <DATA_DIR>/auth-secret so that
 * sessions survive restarts without any set-up.
 */
export function authSecret(): string {
  const env = getEnv();
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.join(dataDir(), "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  if (env.NODE_ENV === "production") {
    throw new ConfigError("AUTH_SECRET is required in production (generate one with: openssl rand -base64 32)");
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return secret;
}

/** The URL used when DATABASE_URL is absent: the embedded server started by scripts/start.ts. */
export function embeddedDatabaseUrl(database = "marquee"): string {
  return `postgres://postgres:marquee@localhost:${getEnv().EMBEDDED_PG_PORT}/${database}`;
}

export function databaseUrl(): string {
  return getEnv().DATABASE_URL ?? embeddedDatabaseUrl();
}
