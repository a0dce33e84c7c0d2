/**
 * The benchmark's baseline (scripts/benchmark.ts): the cheapest dynamic response the server can give, no
 * database, no rendering. Every page's throughput is reported as a ratio to this route's, measured in the same run.
 */
export const dynamic = "force-dynamic";

export function GET() {
  return new Response("ok", { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
