/**
 * Counts the SQL statements the app's database client sends while `work` runs, to prove a page's data costs a
 * bounded number of queries whatever the number of rows (no N+1).
 *
 * `work` runs twice and only the second run is counted: postgres.js reports a statement with parameters twice the
 * first time it sees it (describe, then execute); once prepared, each execution is reported exactly once, so a
 * query per row still shows up as one count per row.
 */
export async function countQueries<T>(work: () => Promise<T>): Promise<{ result: T; count: number; queries: string[] }> {
  await work();
  const queries: string[] = [];
  const hook = globalThis as unknown as { __marqueeQueryListener?: (query: string) => void };
  hook.__marqueeQueryListener = (q) => queries.push(q);
  try {
    const result = await work();
    return { result, count: queries.length, queries };
  } finally {
    hook.__marqueeQueryListener = undefined;
  }
}
