import { describe, expect, it } from "vitest";
import { filterFormRedirect } from "@/lib/filter-form-redirect";
import {
  EMPTY_MOVIE_FILTERS,
  QUERY_MAX_LENGTH,
  echo,
  moviesHref,
  moviesHrefFromForm,
  parseMovieFilters,
  type MovieFilters,
  type SearchParamsRecord,
} from "@/lib/validation/movie-filters";

const parse = (params: SearchParamsRecord) => parseMovieFilters(params);

describe("parseMovieFilters: valid parameters", () => {
  it("gives the defaults for an empty query: every film, newest first, page 1", () => {
    expect(parse({})).toEqual({ filters: EMPTY_MOVIE_FILTERS, notices: [] });
    expect(EMPTY_MOVIE_FILTERS).toMatchObject({ sort: "release", dir: "desc", page: 1 });
  });

  it("reads every filter", () => {
    const { filters, notices } = parse({
      genre: ["5", "7"],
      country: "2",
      from: "1970",
      to: "1999",
      minRuntime: "90",
      maxRuntime: "180",
      q: "  The   Godfather ",
      mine: "only",
      sort: "title",
      dir: "asc",
      page: "3",
    });
    expect(notices).toEqual([]);
    expect(filters).toEqual({
      genreIds: [5, 7],
      countryId: 2,
      yearFrom: 1970,
      yearTo: 1999,
      runtimeMin: 90,
      runtimeMax: 180,
      q: "The Godfather",
      mine: "only",
      sort: "title",
      dir: "asc",
      page: 3,
    });
  });

  it("takes a single genre as well as repeated ones, once each", () => {
    expect(parse({ genre: "5" }).filters.genreIds).toEqual([5]);
    expect(parse({ genre: ["5", "5", "7"] }).filters.genreIds).toEqual([5, 7]);
  });

  it("treats empty fields (a submitted GET form) as absent, without notices", () => {
    expect(parse({ q: "", genre: "", country: "", from: " ", to: "", minRuntime: "", maxRuntime: "", sort: "", dir: "", page: "" })).toEqual({
      filters: EMPTY_MOVIE_FILTERS,
      notices: [],
    });
  });

  it("accepts each sort and direction", () => {
    for (const sort of ["title", "release", "runtime", "budget"] as const) {
      for (const dir of ["asc", "desc"] as const) expect(parse({ sort, dir }).filters).toMatchObject({ sort, dir });
    }
  });

  it("takes the sort's natural direction when none is given or the order is left empty", () => {
    for (const dir of [undefined, "", " "]) {
      expect(parse({ sort: "title", dir }).filters).toMatchObject({ sort: "title", dir: "asc" });
      expect(parse({ sort: "release", dir }).filters).toMatchObject({ sort: "release", dir: "desc" });
      expect(parse({ sort: "runtime", dir }).filters).toMatchObject({ sort: "runtime", dir: "desc" });
      expect(parse({ sort: "budget", dir }).filters).toMatchObject({ sort: "budget", dir: "desc" });
    }
    expect(parse({ sort: "title", dir: "desc" }).filters.dir).toBe("desc");
  });

  it("keeps accents and case in the search (the database ignores them)", () => {
    expect(parse({ q: "Amélie" }).filters.q).toBe("Amélie");
    expect(parse({ q: "Ame\u0301lie" }).filters.q).toBe("Amélie"); // normalized to one code point
  });
});

describe("parseMovieFilters: garbage is ignored or clamped, and said", () => {
  it.each([
    ["page", "-1", "Ignored an invalid page number “-1”."],
    ["page", "abc", "Ignored an invalid page number “abc”."],
    ["page", "0", "Ignored an invalid page number “0”."],
    ["page", "1e3", "Ignored an invalid page number “1e3”."],
    ["from", "abc", "Ignored an invalid year “abc” (years run from 1870 to 2100)."],
    ["to", "99999", "Ignored an invalid year “99999” (years run from 1870 to 2100)."],
    ["from", "19.5", "Ignored an invalid year “19.5” (years run from 1870 to 2100)."],
    ["minRuntime", "-5", "Ignored an invalid runtime “-5” (minutes, from 0 to 10,000)."],
    ["country", "x", "Ignored an invalid country “x”."],
    ["country", "0", "Ignored an invalid country “0”."],
    ["country", "99999999999", "Ignored an invalid country “99999999999”."],
    ["sort", "popularity", "Ignored an unknown sort “popularity”."],
    ["dir", "sideways", "Ignored an unknown sort direction “sideways”."],
    ["genre", "drama", "Ignored an invalid genre “drama”."],
  ])("%s=%s", (name, value, notice) => {
    const { filters, notices } = parse({ [name]: value });
    expect(filters).toEqual(EMPTY_MOVIE_FILTERS);
    expect(notices).toEqual([notice]);
  });

  it("keeps a page beyond any catalogue as asked (the page then shows the last one)", () => {
    expect(parse({ page: "99999999" })).toEqual({ filters: { ...EMPTY_MOVIE_FILTERS, page: 99_999_999 }, notices: [] });
  });

  it("keeps the valid genres among invalid ones and summarizes many bad ones", () => {
    const { filters, notices } = parse({ genre: ["5", "x", "-2", "7", "1.5", "<b>"] });
    expect(filters.genreIds).toEqual([5, 7]);
    expect(notices).toEqual(["Ignored 4 invalid genres: “x”, “-2”, “1.5” and more."]);
  });

  it("uses at most 8 genres", () => {
    const { filters, notices } = parse({ genre: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"] });
    expect(filters.genreIds).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(notices).toEqual(["Used the first 8 genres; ignored 2 more."]);
  });

  it("uses the first of repeated single values", () => {
    const { filters, notices } = parse({ country: ["3", "4"], page: ["-1", "99999999"] });
    expect(filters.countryId).toBe(3);
    expect(filters.page).toBe(1);
    expect(notices).toEqual(["Used only the first “country” value; ignored 1 more.", "Used only the first “page” value; ignored 1 more.", "Ignored an invalid page number “-1”."]);
  });

  it("swaps reversed ranges", () => {
    const { filters, notices } = parse({ from: "2000", to: "1990", minRuntime: "180", maxRuntime: "90" });
    expect(filters).toMatchObject({ yearFrom: 1990, yearTo: 2000, runtimeMin: 90, runtimeMax: 180 });
    expect(notices).toEqual(["Swapped the years: 2000 is after 1990.", "Swapped the runtimes: 180 min is more than 90 min."]);
  });

  it("shortens a search of 10,000 characters", () => {
    const { filters, notices } = parse({ q: "godfather ".repeat(1000) });
    expect([...filters.q!].length).toBeLessThanOrEqual(QUERY_MAX_LENGTH);
    expect(filters.q!.startsWith("godfather godfather")).toBe(true);
    expect(notices).toEqual([`Shortened the search to its first ${QUERY_MAX_LENGTH} characters.`]);
  });

  it("never cuts a character in half when shortening", () => {
    const { filters } = parse({ q: `${"a".repeat(QUERY_MAX_LENGTH - 1)}🎬🎬` });
    expect(filters.q!.isWellFormed()).toBe(true);
    expect(filters.q!.endsWith("a🎬")).toBe(true);
  });

  it("keeps SQL and HTML fragments as plain search text (they are bound parameters, rendered as text)", () => {
    expect(parse({ q: "'; drop table movie; --" }).filters.q).toBe("'; drop table movie; --");
    expect(parse({ q: "<script>alert(1)</script>" }).filters.q).toBe("<script>alert(1)</script>");
  });

  it("removes control characters and what broken UTF-8 leaves behind, and says so", () => {
    // %E0%A4%A decodes to replacement characters followed by the literal "%A".
    const broken = parse({ q: "\ufffd\ufffd%A" });
    expect(broken.filters.q).toBe("%A");
    expect(broken.notices).toEqual(["Removed characters from the search that were not valid text."]);
    expect(parse({ q: "god\u0000father" }).filters.q).toBe("god father");
    expect(parse({ q: "lone \ud800 surrogate" }).filters.q).toBe("lone surrogate");
  });

  it("ignores a search with no letters or digits", () => {
    const { filters, notices } = parse({ q: "%%%" });
    expect(filters.q).toBeNull();
    expect(notices).toEqual(["Ignored the search “%%%”: it has no letters or digits."]);
  });

  it("echoes bad values short and without control characters", () => {
    expect(echo("x".repeat(100))).toBe(`${"x".repeat(30)}…`);
    expect(echo("a\u0000b\u001bc\ufffd")).toBe("abc");
    const { notices } = parse({ from: "<img src=x onerror=alert(1)>".repeat(10) });
    expect(notices[0].length).toBeLessThan(100);
  });
});

describe("canonical URLs", () => {
  it("leaves out defaults and page 1", () => {
    expect(moviesHref(EMPTY_MOVIE_FILTERS)).toBe("/movies");
    expect(moviesHref({ ...EMPTY_MOVIE_FILTERS, page: 1 })).toBe("/movies");
  });

  it("lists every filter, repeated genres, a non-default sort with its direction, and the page", () => {
    expect(
      moviesHref({ genreIds: [5, 7], countryId: 2, yearFrom: 1970, yearTo: 1999, runtimeMin: 90, runtimeMax: 180, q: "Amélie & co", sort: "title", dir: "asc", page: 2 }),
    ).toBe("/movies?q=Am%C3%A9lie+%26+co&genre=5&genre=7&country=2&from=1970&to=1999&minRuntime=90&maxRuntime=180&sort=title&dir=asc&page=2");
    expect(moviesHref({ sort: "release", dir: "asc" })).toBe("/movies?sort=release&dir=asc");
  });

  it("round-trips through the parser", () => {
    const filters: MovieFilters = { genreIds: [3], countryId: 9, yearFrom: 1950, yearTo: 1960, runtimeMin: 0, runtimeMax: 95, q: "noir", mine: "hide", sort: "budget", dir: "desc", page: 4 };
    const params = new URLSearchParams(moviesHref(filters).split("?")[1]);
    const record: SearchParamsRecord = {};
    for (const key of new Set(params.keys())) record[key] = params.getAll(key).length > 1 ? params.getAll(key) : params.get(key)!;
    expect(parse(record)).toEqual({ filters, notices: [] });
  });

  it("turns the filter form into the same canonical URL, dropping empty fields", () => {
    const form = new FormData();
    for (const [k, v] of [["q", " godfather "], ["genre", "5"], ["genre", "7"], ["country", ""], ["from", "1970"], ["to", ""], ["minRuntime", ""], ["maxRuntime", ""], ["sort", "release"], ["dir", "desc"]]) {
      form.append(k, v);
    }
    expect(moviesHrefFromForm(form)).toBe("/movies?q=godfather&genre=5&genre=7&from=1970");
    form.set("sort", "title");
    form.set("dir", "asc");
    expect(moviesHrefFromForm(form)).toBe("/movies?q=godfather&genre=5&genre=7&from=1970&sort=title&dir=asc");
    expect(moviesHrefFromForm(new FormData())).toBe("/movies");
    form.set("mine", "only");
    expect(moviesHrefFromForm(form)).toBe("/movies?q=godfather&genre=5&genre=7&from=1970&mine=only&sort=title&dir=asc");
    // The order menu's empty first option: the sort's natural direction (titles A to Z), whatever it read before.
    expect(moviesHrefFromForm(new URLSearchParams("sort=title&dir="))).toBe("/movies?sort=title&dir=asc");
    expect(moviesHrefFromForm(new URLSearchParams("sort=release&dir="))).toBe("/movies");
    expect(moviesHrefFromForm(new URLSearchParams("sort=runtime&dir="))).toBe("/movies?sort=runtime&dir=desc");
    expect(moviesHrefFromForm(new URLSearchParams("sort=title&dir="), "/favorites")).toBe("/favorites?sort=title&dir=asc");
  });

  it("keeps the favorites filter in catalogue URLs, and /favorites' own default sort out of its URLs", () => {
    expect(moviesHref({ mine: "only", genreIds: [2] })).toBe("/movies?genre=2&mine=only");
    expect(moviesHref({ genreIds: [2], sort: "added", dir: "desc" }, "/favorites")).toBe("/favorites?genre=2");
    expect(moviesHref({ sort: "title", dir: "asc", page: 2 }, "/favorites")).toBe("/favorites?sort=title&dir=asc&page=2");
    const form = new FormData();
    form.append("country", "4");
    form.append("sort", "added");
    form.append("dir", "desc");
    expect(moviesHrefFromForm(form, "/favorites")).toBe("/favorites?country=4");
  });

  it("ignores an unknown favorites filter with a notice", () => {
    expect(parse({ mine: "everyone" })).toEqual({ filters: { ...EMPTY_MOVIE_FILTERS, genreIds: [] }, notices: ["Ignored an unknown favorites filter “everyone”."] });
  });
});

describe("filterFormRedirect: a filter form sent without JavaScript goes to its canonical URL", () => {
  it("drops the empty fields of /movies, /favorites and /people", () => {
    const redirect = (url: string) => filterFormRedirect(url.split("?")[0], new URLSearchParams(url.split("?")[1]));
    expect(redirect("/movies?q=&genre=5&country=&from=&to=&minRuntime=&maxRuntime=&sort=title&dir=")).toBe("/movies?genre=5&sort=title&dir=asc");
    expect(redirect("/movies?q=&country=&from=&to=&minRuntime=&maxRuntime=&sort=release&dir=")).toBe("/movies");
    expect(redirect("/movies?q=noir&country=&page=2")).toBe("/movies?q=noir&page=2");
    expect(redirect("/favorites?sort=added&dir=desc&q=&country=3&from=")).toBe("/favorites?country=3");
    expect(redirect("/people?q=kane&country=&role=&sort=name")).toBe("/people?q=kane");
    expect(redirect("/people?q=&country=&role=directors&sort=born")).toBe("/people?role=directors&sort=born");
  });

  it("leaves canonical URLs and other pages alone", () => {
    expect(filterFormRedirect("/movies", new URLSearchParams("genre=5&sort=title&dir=asc"))).toBeNull();
    expect(filterFormRedirect("/movies", new URLSearchParams(""))).toBeNull();
    expect(filterFormRedirect("/search", new URLSearchParams("q="))).toBeNull();
    expect(filterFormRedirect("/movies/12-heat", new URLSearchParams("q="))).toBeNull();
  });
});
