import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { lookupEntities, pickedEntities, type LookupKind } from "@/db/queries/admin/lookup";
import { insertQuickPerson } from "@/db/queries/admin/quick-person";
import { countries, genres, movie, person } from "@/db/schema";
import { quickPersonSchema, splitPersonName } from "@/lib/validation/admin/quick-person";
import { normalizeSearchText } from "@/lib/validation/search-text";
import { openTestDatabase } from "../support/database";
import { countQueries } from "../support/query-counter";

const { db } = openTestDatabase();

const ids: Record<string, number> = {};

/** What the route does with ?q=: clean the text, then look up. */
const lookup = (kind: LookupKind, raw: string) => lookupEntities(kind, normalizeSearchText(raw).q);
const labels = async (kind: LookupKind, raw: string) => (await lookup(kind, raw)).map((r) => r.label);

beforeAll(async () => {
  await db.execute(sql`truncate favorite_movies, person_photos, character_actors, character_, movie_genres, movie, genres, person, countries, user_, file_ restart identity cascade`);
  const [us, uk, fr] = await db.insert(countries).values([{ name: "United States" }, { name: "United Kingdom" }, { name: "France" }]).returning();
  await db.insert(countries).values(Array.from({ length: 12 }, (_, i) => ({ name: `Zland ${String(i).padStart(2, "0")}` })));
  await db.insert(genres).values([{ name: "Drama" }, { name: "Science Fiction" }, { name: "Crime" }, { name: "Comedy" }]);
  const people = await db
    .insert(person)
    .values([
      { first_name: "Marlon", last_name: "Brando", date_of_birth: "1924-04-03", country_id: us.id },
      { first_name: "Brandon", last_name: "Lee", date_of_birth: "1965-02-01" },
      { first_name: "Bran", last_name: "" },
      { first_name: "Cabrann", last_name: "Smith", country_id: uk.id },
      { first_name: "José", last_name: "Ferrer", country_id: fr.id },
      { first_name: "Zoë", last_name: "Saldaña" },
      { first_name: "Francis Ford", last_name: "Coppola", date_of_birth: "1939-04-07", country_id: us.id },
      ...Array.from({ length: 25 }, (_, i) => ({ first_name: `Agnes${String.fromCharCode(97 + i)}`, last_name: "Quimby" })),
    ])
    .returning();
  for (const p of people) ids[`${p.first_name} ${p.last_name}`.trim()] = p.id;
  const films = await db
    .insert(movie)
    .values([
      { title: "The Godfather", release_date: "1972-03-24", director_id: ids["Francis Ford Coppola"] },
      { title: "Godzilla", release_date: "1954-11-03" },
      { title: "Amélie", release_date: "2001-04-25" },
      { title: "100% Wolf", release_date: "2020-05-21" },
      { title: "1000 Years" },
    ])
    .returning();
  for (const m of films) ids[m.title] = m.id;
});

describe("admin lookup: ranking", () => {
  it("puts the exact name first, then names starting with the text, then a word starting with it, then anywhere", async () => {
    expect(await labels("person", "bran")).toEqual(["Bran", "Brandon Lee", "Marlon Brando", "Cabrann Smith"]);
    expect((await labels("movie", "god")).slice(0, 2)).toEqual(["Godzilla (1954)", "The Godfather (1972)"]);
  });

  it("labels people with their birth year and country, movies with their year and director", async () => {
    const [brando] = await lookup("person", "marlon brando");
    expect(brando).toEqual({ id: ids["Marlon Brando"], label: "Marlon Brando", detail: "born 1924 · United States" });
    expect((await lookup("person", "brandon lee"))[0]).toEqual({ id: ids["Brandon Lee"], label: "Brandon Lee", detail: "born 1965" });
    expect((await lookup("person", "cabrann"))[0].detail).toBe("United Kingdom");
    expect((await lookup("person", "bran"))[0]).toEqual({ id: ids["Bran"], label: "Bran" });
    expect((await lookup("movie", "godfather"))[0]).toEqual({ id: ids["The Godfather"], label: "The Godfather (1972)", detail: "Francis Ford Coppola" });
    expect((await lookup("movie", "1000 years"))[0]).toEqual({ id: ids["1000 Years"], label: "1000 Years" });
  });

  it("finds countries and genres by part of their name, and lists the first ones when nothing is typed", async () => {
    // Both start with the text: the closer (shorter) name first.
    expect(await labels("country", "united")).toEqual(["United States", "United Kingdom"]);
    expect(await labels("country", "king")).toEqual(["United Kingdom"]);
    expect(await labels("genre", "fi")).toEqual(["Science Fiction"]);
    expect(await labels("genre", "")).toEqual(["Comedy", "Crime", "Drama", "Science Fiction"]);
    expect(await labels("country", "")).toHaveLength(10);
    expect((await labels("country", ""))[0]).toBe("France");
  });
});

describe("admin lookup: accents and typos", () => {
  it("ignores accents and case on either side", async () => {
    expect((await labels("person", "jose ferrer"))[0]).toBe("José Ferrer");
    expect((await labels("person", "ZOE SALDANA"))[0]).toBe("Zoë Saldaña");
    expect((await labels("person", "Brandó"))).toContain("Marlon Brando");
    expect((await labels("movie", "amelie"))[0]).toBe("Amélie (2001)");
  });

  it("finds close spellings when nothing contains the text", async () => {
    expect((await labels("person", "marlon brndo"))[0]).toBe("Marlon Brando");
    expect((await labels("person", "brndo"))[0]).toBe("Marlon Brando");
    expect((await labels("person", "francis copola"))[0]).toBe("Francis Ford Coppola");
    expect((await labels("movie", "godfathr"))[0]).toBe("The Godfather (1972)");
    expect(await labels("country", "untied kingdom")).toContain("United Kingdom");
    expect(await labels("genre", "scince fiction")).toEqual(["Science Fiction"]);
  });

  it("finds nothing for a text like no name", async () => {
    expect(await lookup("person", "xqzvw")).toEqual([]);
    expect(await lookup("movie", "qqqqqqqq")).toEqual([]);
    expect(await lookup("country", "zzzzzz")).toEqual([]);
  });
});

describe("admin lookup: limits and garbage", () => {
  it("answers at most 10, and never more when asked for more", async () => {
    expect(await lookup("person", "quimby")).toHaveLength(10);
    expect(await lookupEntities("person", "quimby", 500)).toHaveLength(10);
    expect(await lookupEntities("person", "quimby", 3)).toHaveLength(3);
  });

  it("costs a few statements however many names match", async () => {
    // begin, settings (2), names containing the text, close spellings when those were fewer than 10, commit.
    expect((await countQueries(() => lookupEntities("person", "quimby"))).count).toBe(5);
    expect((await countQueries(() => lookupEntities("person", "marlon brando"))).count).toBe(6);
    expect((await countQueries(() => lookupEntities("person", ""))).count).toBe(0);
    expect((await countQueries(() => lookupEntities("genre", "dr"))).count).toBe(1);
  });

  it("treats LIKE wildcards and SQL as text, and answers junk with nothing", async () => {
    expect((await labels("movie", "100%"))[0]).toBe("100% Wolf (2020)");
    for (const junk of ["", "   ", "%", "_", "%%%", "\\", "'", "\u0000\u0000", "²²²"]) {
      for (const kind of ["person", "movie"] as const) expect(await lookup(kind, junk), JSON.stringify(junk)).toEqual([]);
    }
    expect(await lookup("person", "'; drop table person; --")).toEqual([]);
    expect(await lookup("person", "a_c")).toEqual([]);
    expect((await db.execute(sql`select count(*)::int as n from person`))[0].n).toBeGreaterThan(30);
  });

  it("answers a 10,000-character text quickly with what its first 100 characters find", async () => {
    expect((await lookup("person", "marlon brando ".repeat(800)))[0]?.label).toBe("Marlon Brando");
    expect((await lookup("person", "Marlon Brando" + " ".repeat(5000) + "x".repeat(5000)))[0]?.label).toBe("Marlon Brando");
  });

  it("finds 1-2 character texts at the start of names only", async () => {
    expect(await labels("person", "br")).toEqual(["Bran", "Brandon Lee"]);
    expect((await labels("movie", "1")).sort()).toEqual(["100% Wolf (2020)", "1000 Years"]);
  });
});

describe("picked entities (labels for a refused form)", () => {
  it("gives labels in the order of the ids, dropping unknown and invalid ones", async () => {
    const picked = await pickedEntities("person", [ids["Francis Ford Coppola"], 999_999, -1, 2 ** 40, ids["Marlon Brando"]]);
    expect(picked.map((p) => p.label)).toEqual(["Francis Ford Coppola", "Marlon Brando"]);
    expect(picked[1].detail).toBe("born 1924 · United States");
    expect((await pickedEntities("movie", [ids["The Godfather"]]))[0].label).toBe("The Godfather (1972)");
    expect(await pickedEntities("genre", [])).toEqual([]);
  });
});

describe("quick person creation", () => {
  it("splits a typed name into first and last name", () => {
    expect(splitPersonName("  Francis   Ford Coppola ")).toEqual({ first_name: "Francis Ford", last_name: "Coppola" });
    expect(splitPersonName("Cher")).toEqual({ first_name: "Cher", last_name: "" });
    expect(quickPersonSchema.safeParse("  ").success).toBe(false);
    expect(quickPersonSchema.safeParse("1234").success).toBe(false);
    expect(quickPersonSchema.safeParse(`${"a".repeat(101)} Smith`).success).toBe(false);
    expect(quickPersonSchema.safeParse({ name: "x" }).success).toBe(false);
    expect(quickPersonSchema.parse("Zoë Saldaña")).toEqual({ first_name: "Zoë", last_name: "Saldaña" });
  });

  it("creates a person the lookup then finds", async () => {
    const created = await insertQuickPerson(quickPersonSchema.parse("Ingrid Quickcreated"));
    expect(created.label).toBe("Ingrid Quickcreated");
    expect((await lookup("person", "quickcreated"))[0]).toEqual({ id: created.id, label: "Ingrid Quickcreated" });
  });
});
