import { checkDatabase } from "@/db/queries/health";

/** Liveness and readiness for load balancers and the test harness: 503 when PostgreSQL does not answer. */
export async function GET() {
  const database = await checkDatabase();
  const ok = database.reachable;
  return Response.json(
    { status: ok ? "ok" : "unavailable", database: ok ? "reachable" : "unreachable", latencyMs: database.latencyMs },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
