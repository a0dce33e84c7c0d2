/**
 * `npm run build`: `next build` into MARQUEE_DIST_DIR (default .next) and the compiled launcher and server beside it
 * (scripts/lib/build.mjs). After it, `npm start` on any number of instances runs this build without rebuilding, with
 * production dependencies only.
 */
import { build } from "./lib/build.mjs";

const distDir = process.env.MARQUEE_DIST_DIR?.trim() || ".next";
try {
  await build({ distDir, log: (line) => console.log(`[marquee] ${line}`) });
} catch (error) {
  console.error(`marquee: ${error.message}`);
  process.exit(1);
}
