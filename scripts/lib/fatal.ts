import { ConfigError } from "@/lib/env";

/** A problem the person at the terminal can fix: printed as one line, no stack trace. */
export class FatalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FatalError";
  }
}

/** Runs a script's main function; expected failures print one clear line and exit non-zero. */
export function runMain(main: () => Promise<void | number>): void {
  main().then(
    (code) => {
      if (typeof code === "number") process.exitCode = code;
    },
    (error: unknown) => {
      // (scripts/lib/build.mjs, plain JavaScript, marks its expected failures with `fatal`.)
      if (error instanceof FatalError || error instanceof ConfigError || (error as { fatal?: unknown } | null)?.fatal === true) {
        console.error(`marquee: ${(error as Error).message}`);
      } else {
        console.error(error);
      }
      process.exit(1);
    },
  );
}

/** A connection string safe to print: the password is masked. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "****";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}
