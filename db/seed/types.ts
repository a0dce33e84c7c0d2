/**
 * Shape of the hand-curated demo catalogue (db/seed/data/*). Facts about real films and people; every
 * description and biography is written for Marquee, nothing is copied from other sites.
 * People are referenced by their display name ("Marlon Brando"); the loader joins on that name.
 */
export type DemoRole = "lead" | "supporting" | "minor";

export type DemoCastEntry = {
  /** Character name as credited, e.g. "Vito Corleone". */
  character: string;
  role: DemoRole;
  /** One sentence about the character in this film, own words. */
  description: string;
  /** Display names of every actor who played the character in this film (young/old versions, etc.). */
  actors: string[];
};

export type DemoFilm = {
  title: string;
  /** ISO date of the first (usually premiere or home-country) release, YYYY-MM-DD. */
  releaseDate: string;
  /** Runtime in minutes. */
  runtime: number;
  /** Approximate production budget in US dollars; null when no reliable figure exists. */
  budget: number | null;
  /** Main production country: a common English name, e.g. "United States", "United Kingdom", "South Korea". */
  country: string;
  /** Display name of the director (first credited director if several). */
  director: string;
  /** Names from DEMO_GENRES only. */
  genres: DemoGenre[];
  /** Two or three sentences, own words, no spoilers of the ending. */
  description: string;
  /** At least five principal characters. */
  cast: DemoCastEntry[];
};

export type DemoPerson = {
  /** Display name used in DemoFilm.director / DemoCastEntry.actors. Unique. */
  name: string;
  firstName: string;
  /** Empty string for mononymous people. */
  lastName: string;
  /** YYYY-MM-DD; null when no reliable full date exists (never a placeholder date). */
  birthDate: string | null;
  /** YYYY-MM-DD for people who have died (null or absent when alive or unknown). */
  deathDate?: string | null;
  gender: "male" | "female" | "non-binary";
  /** Country of birth, common English name (same spelling rules as DemoFilm.country). */
  country: string;
  /** Two to four sentences written for Marquee: career highlights, facts only. */
  biography: string;
};

export const DEMO_GENRES = [
  "Action",
  "Adventure",
  "Animation",
  "Comedy",
  "Crime",
  "Documentary",
  "Drama",
  "Family",
  "Fantasy",
  "History",
  "Horror",
  "Music",
  "Mystery",
  "Romance",
  "Science Fiction",
  "Thriller",
  "War",
  "Western",
] as const;
export type DemoGenre = (typeof DEMO_GENRES)[number];
