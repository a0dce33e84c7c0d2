import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
// typescript-eslint's recommended rules, as Next ships them.
import nextTypescript from "eslint-config-next/typescript";

// npm run lint (and npm test) runs this with --max-warnings=0: a warning fails the check like an error.
export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // A leading underscore marks a deliberately unused name (an action's unused previous state, a skipped tuple slot).
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  globalIgnores([
    "node_modules/**",
    ".next*/**",
    ".data/**",
    "out/**",
    "build/**",
    "db/migrations/meta/**",
    "test-results/**",
    "playwright-report/**",
    "blob-report/**",
    "next-env.d.ts",
  ]),
]);
