import { createHash } from "node:crypto";
import { THEME_SCRIPT } from "@/lib/theme";

/** The CSP source that allows the theme's inline script: a hash, since cached pages cannot carry a per-request nonce for it. */
export const THEME_SCRIPT_CSP = `'sha256-${createHash("sha256").update(THEME_SCRIPT).digest("base64")}'`;
