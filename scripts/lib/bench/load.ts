/** One autocannon run against one URL, with exact latency percentiles (autocannon's own stop at p97.5). */
import { createRequire } from "node:module";

type AutocannonOptions = { url: string; connections: number; duration: number; timeout?: number; headers?: Record<string, string> };
type AutocannonResult = { errors: number };
type AutocannonInstance = PromiseLike<AutocannonResult> & {
  on(event: "response", listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
  stop(): void;
};

// autocannon ships no type declarations: the little we use is typed above.
const autocannon = createRequire(import.meta.url)("autocannon") as (options: AutocannonOptions) => AutocannonInstance;

export type LoadResult = {
  requests: number;
  ok: number;
  /** Responses other than the expected status, connection errors and timeouts (no answer within 10 s). */
  failed: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  statuses: Record<number, number>;
};

function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * `expectStatus`: the answer that counts as a success (200, or 404 for the not-found reference page).
 * `headers`: added to every request (the benchmark's "member" runs send a cookie, which the page cache never answers).
 */
export async function runLoad(url: string, connections: number, seconds: number, expectStatus = 200, headers: Record<string, string> = {}): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const started = performance.now();
  const instance = autocannon({ url, connections, duration: seconds, timeout: 10, headers: { "accept-encoding": "gzip, deflate, br", ...headers } });
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    latencies.push(responseTime);
  });
  const result = await instance;
  const elapsed = (performance.now() - started) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  const ok = statuses[expectStatus] ?? 0;
  return {
    requests: latencies.length,
    ok,
    failed: latencies.length - ok + result.errors, // errors include timeouts
    seconds: elapsed,
    rps: ok / elapsed,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
    statuses,
  };
}
