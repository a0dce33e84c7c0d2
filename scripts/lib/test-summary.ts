/**
 * What `npm test` (scripts/test.ts) reads from the runners' JSON reports, and the summary it ends with. Pure, so
 * that tests/unit can check it on small crafted reports.
 */

export type Counts = { passed: number; failed: number; skipped: number };

/** Vitest's --reporter=json file (the fields read here). */
export type VitestReport = { numPassedTests?: number; numFailedTests?: number; numFailedTestSuites?: number; numPendingTests?: number; numTodoTests?: number };

/** Playwright's JSON reporter file (the fields read here). */
export type PlaywrightReport = {
  config?: { rootDir?: string; projects?: unknown[] };
  suites?: PlaywrightSuite[];
  errors?: unknown[];
  stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
};
type PlaywrightSuite = { title: string; file?: string; specs?: PlaywrightSpec[]; suites?: PlaywrightSuite[] };
type PlaywrightSpec = { title: string; file?: string; tests?: { projectName?: string; status?: string }[] };

export function vitestCounts(report: VitestReport): Counts {
  const failedTests = report.numFailedTests ?? 0;
  return {
    passed: report.numPassedTests ?? 0,
    // A file that fails to load has no failed test of its own: count the file.
    failed: failedTests + (report.numFailedTestSuites && !failedTests ? report.numFailedTestSuites : 0),
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** A test that passed only on a retry (Playwright's "flaky") still counts as passed, and is named in `flaky`. */
export function playwrightCounts(report: PlaywrightReport, testDir = ""): Counts & { flaky: string[] } {
  const stats = report.stats ?? {};
  const errors = report.errors?.length ?? 0;
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    // Errors outside any test (a file that does not load, a global setup) fail the run without a failed test.
    failed: (stats.unexpected ?? 0) + (errors && !stats.unexpected ? errors : 0),
    skipped: stats.skipped ?? 0,
    flaky: flakyTests(report, testDir),
  };
}

/**
 * The tests that passed only on a retry, as "e2e/file.spec.ts › describe › title" (the file relative to the
 * project when `testDir` is given; the project's name in brackets when the report has several projects).
 */
export function flakyTests(report: PlaywrightReport, testDir = ""): string[] {
  const severalProjects = (report.config?.projects?.length ?? 0) > 1;
  const names: string[] = [];
  const visit = (suite: PlaywrightSuite, titles: string[]) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== "flaky") continue;
        const file = [testDir, spec.file ?? suite.file ?? ""].filter(Boolean).join("/");
        const project = severalProjects && test.projectName ? `[${test.projectName}] ` : "";
        names.push(project + [file, ...titles, spec.title].filter(Boolean).join(" › "));
      }
    }
    for (const child of suite.suites ?? []) visit(child, [...titles, child.title]);
  };
  // A file's suite is titled with the file's name: the file is named once, from the spec.
  for (const fileSuite of report.suites ?? []) visit(fileSuite, []);
  return names;
}

export type Summary = Counts & { flaky: string[]; failedChecks: string[] };

/**
 * The closing lines: the checks that failed, the flaky tests and the skipped count each on lines of their own,
 * then always, last and alone, "N passed, N failed".
 */
export function formatSummary({ passed, failed, skipped, flaky, failedChecks }: Summary): string[] {
  const lines: string[] = [];
  if (failedChecks.length) lines.push(`failed checks: ${failedChecks.join(", ")}`);
  if (flaky.length) {
    lines.push(`${flaky.length} flaky (passed only on retry):`);
    for (const name of flaky) lines.push(`  ${name}`);
  }
  if (skipped) lines.push(`${skipped} skipped`);
  lines.push(`${passed} passed, ${failed} failed`);
  return lines;
}
