/**
 * The parts of Next's own code the production server uses, in one place. They are not public API, so `next` is
 * pinned to one exact version in package.json, and tests/integration/next-internals.test.ts checks each one does
 * what the server relies on: an upgrade that moves or changes one fails there, not in production.
 *   - getBotType: which crawlers get metadata in <head> (the page cache keys pages by it);
 *   - computeCacheBustingSearchParam: the `_rsc` hash of a navigation's headers (the page cache answers only
 *     requests whose URL names their headers, as Next checks);
 *   - parseAndValidateFlightRouterState: a router-state header Next could not read is a 400 at the edge;
 *   - busboy: server actions' multipart bodies are read as Next reads them (lib/server/action-body.ts).
 * The `.js` suffixes: the compiled server is plain ESM, which resolves files, not extensionless paths.
 */
export { getBotType } from "next/dist/shared/lib/router/utils/is-bot.js";
export { computeCacheBustingSearchParam, computeLegacyCacheBustingSearchParam } from "next/dist/shared/lib/router/utils/cache-busting-search-param.js";
export { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state.js";
export { default as busboy } from "next/dist/compiled/busboy/index.js";
