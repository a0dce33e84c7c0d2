import { describe, expect, it } from "vitest";
import { clientAddress, forwardedFor } from "@/lib/client-address";
import { safeCallbackPath } from "@/lib/validation/account";

describe("forwardedFor (TRUST_PROXY as Express's trust proxy hops)", () => {
  it("believes no header when no proxy is trusted", () => {
    expect(forwardedFor("::ffff:10.0.0.5", "1.2.3.4", 0)).toBe("10.0.0.5");
    expect(forwardedFor("10.0.0.5", undefined, 0)).toBe("10.0.0.5");
  });

  it("takes the entry a trusted hop added, never one further left", () => {
    // client → proxy A (adds the client) → proxy B (adds A) → us; the socket is B.
    expect(forwardedFor("10.0.0.2", "forged, 198.51.100.9, 10.0.0.1", 1)).toBe("10.0.0.1");
    expect(forwardedFor("10.0.0.2", "forged, 198.51.100.9, 10.0.0.1", 2)).toBe("198.51.100.9");
    expect(forwardedFor("10.0.0.2", ["198.51.100.9", "10.0.0.1"], 2)).toBe("198.51.100.9");
  });

  it("stops at an entry that is not an address, and at the end of a short chain", () => {
    expect(forwardedFor("10.0.0.2", "198.51.100.9, not-an-ip", 2)).toBe("10.0.0.2");
    expect(forwardedFor("10.0.0.2", "198.51.100.9", 5)).toBe("198.51.100.9");
    expect(forwardedFor("10.0.0.2", "[2001:db8::1]:443", 1)).toBe("2001:db8::1");
  });

  it("is read back by the throttle from the single entry the server hands on", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.9" }))).toBe("198.51.100.9");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});

describe("safeCallbackPath", () => {
  it("keeps paths on this site", () => {
    expect(safeCallbackPath("/movies?genre=1#cast")).toBe("/movies?genre=1#cast");
    expect(safeCallbackPath("/people/12-ingrid")).toBe("/people/12-ingrid");
  });

  it("refuses whatever a browser would follow to another host, also after dot segments are resolved", () => {
    for (const value of ["//evil.example", "/\\evil.example", "/..//evil.example/phish", "/%2e%2e//evil.example", "/.//evil.example", "/a/..//evil.example", "/.%2e//evil", "/\t/evil.example", "https://evil.example", "javascript:alert(1)", "evil.example", 42, null]) {
      expect(safeCallbackPath(value), String(value)).toBe("/");
    }
  });
});
