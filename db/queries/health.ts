import "server-only";
import { sql } from "../index";

/** One round trip to PostgreSQL, bounded to 2 s so a hung database cannot hang the health check. */
export async function checkDatabase(): Promise<{ reachable: boolean; latencyMs: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timeout")), 2_000);
    });
    await Promise.race([sql`select 1`, timeout]);
    return { reachable: true, latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { reachable: false, latencyMs: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}
