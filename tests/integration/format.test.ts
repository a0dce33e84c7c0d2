import { describe, expect, it } from "vitest";
import { ageOn, formatBudget, formatDate, formatRuntime, plural } from "@/lib/format";
import { idSegment, parseIdSegment, slugify } from "@/lib/slug";

describe("display formats", () => {
  it("formats runtimes as hours and minutes", () => {
    expect(formatRuntime(175)).toBe("2 h 55 min");
    expect(formatRuntime(45)).toBe("45 min");
    expect(formatRuntime(120)).toBe("2 h");
    expect(formatRuntime(null)).toBeNull();
  });

  it("formats calendar dates without a time-zone shift", () => {
    expect(formatDate("1972-03-24")).toBe("March 24, 1972");
    expect(formatDate("2001-01-01")).toBe("January 1, 2001");
    expect(formatDate("garbage")).toBeNull();
  });

  it("formats budgets in US dollars", () => {
    expect(formatBudget("6000000.00")).toBe("$6,000,000");
    expect(formatBudget(356_000_000, true)).toBe("$356M");
    expect(formatBudget(null)).toBeNull();
  });

  it("computes age at a date, counting the birthday itself", () => {
    expect(ageOn("1924-04-03", "1972-03-24")).toBe(47);
    expect(ageOn("1924-04-03", "1972-04-03")).toBe(48);
    expect(ageOn("2000-01-01", "1990-01-01")).toBeNull();
    expect(ageOn(null, "1990-01-01")).toBeNull();
  });

  it("pluralizes counts", () => {
    expect(plural(1, "film")).toBe("1 film");
    expect(plural(1234, "film")).toBe("1,234 films");
  });
});

describe("id segments", () => {
  it("make readable, accent-free slugs", () => {
    expect(slugify("Amélie")).toBe("amelie");
    expect(slugify("Léon: The Professional")).toBe("leon-the-professional");
    expect(idSegment(42, "The Godfather")).toBe("42-the-godfather");
    expect(idSegment(7, "???")).toBe("7");
  });

  it("parse the leading id and refuse anything else", () => {
    expect(parseIdSegment("42-the-godfather")).toBe(42);
    expect(parseIdSegment("42")).toBe(42);
    expect(parseIdSegment("42-anything-else")).toBe(42);
    expect(parseIdSegment("the-godfather")).toBeNull();
    expect(parseIdSegment("0")).toBeNull();
    expect(parseIdSegment("99999999999")).toBeNull();
    expect(parseIdSegment("42abc")).toBeNull();
    expect(parseIdSegment("%E0%A4%A")).toBeNull();
  });
});
