import path from "node:path";
import { defineConfig } from "vitest/config";

// Integration and unit tests. `npm test` (scripts/test.ts) provides DATABASE_URL pointing at a throw-away
// database on the embedded (or configured) PostgreSQL, already migrated.
export default defineConfig({
  resolve: {
    alias: { "@": path.resolve(import.meta.dirname) },
    conditions: ["react-server"],
  },
  ssr: { resolve: { conditions: ["react-server", "node"] } },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
