import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/env";

function messageOf(env: Record<string, string>): string {
  try {
    parseEnv(env as NodeJS.ProcessEnv);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("configuration", () => {
  it("has defaults that need no set-up", () => {
    const env = parseEnv({} as NodeJS.ProcessEnv);
    expect(env).toMatchObject({ PORT: 3000, EMBEDDED_PG_PORT: 54329, DATA_DIR: ".data", MARQUEE_SEED: "demo" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.UPLOADTHING_TOKEN).toBeUndefined();
  });

  it("treats blank values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "  ", PORT: "" } as unknown as NodeJS.ProcessEnv)).toMatchObject({ PORT: 3000, DATABASE_URL: undefined });
  });

  it("names the variable in every message", () => {
    expect(messageOf({ PORT: "http" })).toMatch(/^PORT /);
    expect(messageOf({ PORT: "70000" })).toBe("PORT must be between 1 and 65535");
    expect(messageOf({ EMBEDDED_PG_PORT: "5.5" })).toMatch(/^EMBEDDED_PG_PORT /);
    expect(messageOf({ DATABASE_URL: "localhost:5432" })).toMatch(/^DATABASE_URL must be a postgres:\/\//);
    expect(messageOf({ AUTH_SECRET: "short" })).toMatch(/^AUTH_SECRET must be at least 32 characters/);
    expect(messageOf({ UPLOADTHING_TOKEN: "not-a-token" })).toMatch(/^UPLOADTHING_TOKEN /);
    expect(messageOf({ MARQUEE_SEED: "everything" })).toMatch(/^MARQUEE_SEED /);
  });

  it("accepts a real-looking configuration", () => {
    const token = Buffer.from(JSON.stringify({ apiKey: "sk_live_x", appId: "app1", regions: ["sea1"] })).toString("base64");
    const env = parseEnv({
      DATABASE_URL: "postgresql://u:p@db.internal:5432/marquee",
      PORT: "8080",
      AUTH_SECRET: "x".repeat(40),
      UPLOADTHING_TOKEN: token,
      NODE_ENV: "production",
    } as NodeJS.ProcessEnv);
    expect(env).toMatchObject({ PORT: 8080, NODE_ENV: "production", UPLOADTHING_TOKEN: token });
  });
});
