import { describe, expect, it } from "vitest";
import { flakyTests, formatSummary, playwrightCounts, vitestCounts, type PlaywrightReport } from "@/scripts/lib/test-summary";

const test = (status: string, projectName = "chromium") => ({ projectName, status, results: [] });

/** Shaped as Playwright's JSON reporter writes it: a suite per file, nested suites per describe block. */
const report: PlaywrightReport = {
  config: { rootDir: "/checkout/e2e", projects: [{ name: "chromium" }] },
  suites: [
    {
      title: "browse.spec.ts",
      file: "browse.spec.ts",
      specs: [
        { title: "the home page lists films", file: "browse.spec.ts", tests: [test("expected")] },
        { title: "filters by genre", file: "browse.spec.ts", tests: [test("flaky")] },
      ],
      suites: [
        {
          title: "movie page",
          file: "browse.spec.ts",
          specs: [],
          suites: [{ title: "gallery", file: "browse.spec.ts", specs: [{ title: "opens the lightbox", file: "browse.spec.ts", tests: [test("flaky")] }] }],
        },
      ],
    },
    {
      title: "admin/movies.spec.ts",
      file: "admin/movies.spec.ts",
      specs: [
        { title: "creates a film", file: "admin/movies.spec.ts", tests: [test("unexpected")] },
        { title: "not on this machine", file: "admin/movies.spec.ts", tests: [test("skipped")] },
      ],
    },
  ],
  errors: [],
  stats: { expected: 1, unexpected: 1, flaky: 2, skipped: 1 },
};

describe("npm test's summary", () => {
  it("names each test that passed only on a retry by file, describe blocks and title", () => {
    expect(flakyTests(report, "e2e")).toEqual(["e2e/browse.spec.ts › filters by genre", "e2e/browse.spec.ts › movie page › gallery › opens the lightbox"]);
    expect(flakyTests(report)).toEqual(["browse.spec.ts › filters by genre", "browse.spec.ts › movie page › gallery › opens the lightbox"]);
  });

  it("says which project a flaky test ran in when there are several", () => {
    const several: PlaywrightReport = {
      config: { projects: [{ name: "chromium" }, { name: "mobile" }] },
      suites: [{ title: "a.spec.ts", file: "a.spec.ts", specs: [{ title: "t", file: "a.spec.ts", tests: [test("expected"), test("flaky", "mobile")] }] }],
    };
    expect(flakyTests(several)).toEqual(["[mobile] a.spec.ts › t"]);
  });

  it("counts a flaky test as passed, and names it", () => {
    expect(playwrightCounts(report, "e2e")).toEqual({
      passed: 3,
      failed: 1,
      skipped: 1,
      flaky: ["e2e/browse.spec.ts › filters by genre", "e2e/browse.spec.ts › movie page › gallery › opens the lightbox"],
    });
  });

  it("fails a Playwright run whose errors lie outside any test", () => {
    expect(playwrightCounts({ suites: [], errors: [{ message: "no such file" }], stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 } })).toMatchObject({ passed: 0, failed: 1 });
  });

  it("counts a Vitest file that fails to load as one failure", () => {
    expect(vitestCounts({ numPassedTests: 5, numFailedTests: 0, numFailedTestSuites: 1, numPendingTests: 1, numTodoTests: 1 })).toEqual({ passed: 5, failed: 1, skipped: 2 });
    expect(vitestCounts({ numPassedTests: 5, numFailedTests: 2, numFailedTestSuites: 1 })).toEqual({ passed: 5, failed: 2, skipped: 0 });
  });

  it("puts failed checks, flaky tests and skipped tests on lines of their own, and 'N passed, N failed' last", () => {
    const lines = formatSummary({ passed: 12, failed: 1, skipped: 3, flaky: ["e2e/a.spec.ts › x", "e2e/b.spec.ts › y"], failedChecks: ["lint"] });
    expect(lines).toEqual(["failed checks: lint", "2 flaky (passed only on retry):", "  e2e/a.spec.ts › x", "  e2e/b.spec.ts › y", "3 skipped", "12 passed, 1 failed"]);
  });

  it("ends with the counts alone when nothing was flaky, skipped or failed a check", () => {
    expect(formatSummary({ passed: 2, failed: 0, skipped: 0, flaky: [], failedChecks: [] })).toEqual(["2 passed, 0 failed"]);
  });
});
