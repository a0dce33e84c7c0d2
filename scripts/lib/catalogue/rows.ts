/**
 * The rows of each table, streamed in id order from the plan (plan.ts) and the text makers (text.ts).
 * Ids are explicit (1..n in plan order) so that every reference is known before anything is inserted.
 */
import { DEMO_GENRES } from "@/db/seed/types";
import type { Plan } from "./plan";
import { Rng } from "./random";
import { biography, characterDescription, characterName, movieDescription, movieTitle, personName, type CharacterRole } from "./text";
import { COUNTRIES } from "./vocabulary";

export type Row = (string | number | boolean | null)[];
export type StoredImage = { fileName: string; key: string; url: string; size: number };

const countryOf = (index: number) => (index >= 0 ? COUNTRIES[index] : undefined);
const ref = (index: number) => (index >= 0 ? index + 1 : null);

function isoDate(year: number, dayOfYear: number): string {
  return new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
}

export function* countryRows(): Generator<Row> {
  for (let i = 0; i < COUNTRIES.length; i++) yield [i + 1, COUNTRIES[i].name];
}

export function* genreRows(): Generator<Row> {
  for (let i = 0; i < DEMO_GENRES.length; i++) yield [i + 1, DEMO_GENRES[i]];
}

export function* personRows(plan: Plan): Generator<Row> {
  const r = new Rng(`${plan.options.seed}:person-rows`);
  for (let p = 0; p < plan.counts.people; p++) {
    const country = countryOf(plan.personCountry[p]);
    const gender = plan.gender[p];
    const name = personName(r, country?.culture ?? "en", gender);
    const year = plan.birthYear[p];
    const knownBirth = p === plan.prolificPerson || !r.chance(year < 1900 ? 0.25 : 0.04);
    yield [
      p + 1,
      name.first,
      name.last,
      biography(r, { ...name, gender, country, birthYear: knownBirth ? year : null, directs: plan.directs[p] === 1 }),
      knownBirth ? isoDate(year, r.int(365)) : null,
      gender,
      ref(plan.personCountry[p]),
      plan.photoFile[p] || null,
    ];
  }
}

export function* movieRows(plan: Plan): Generator<Row> {
  const r = new Rng(`${plan.options.seed}:movie-rows`);
  const animation = DEMO_GENRES.indexOf("Animation");
  const documentary = DEMO_GENRES.indexOf("Documentary");
  for (let m = 0; m < plan.counts.movies; m++) {
    const year = plan.movieYear[m];
    const country = countryOf(plan.movieCountry[m]);
    const genres = plan.genreList.slice(plan.genreStart[m], plan.genreStart[m + 1]);
    const typical = genres.includes(animation) ? [88, 12] : genres.includes(documentary) ? [95, 20] : [104, 22];
    const duration = r.chance(0.01) ? null : Math.round(Math.min(240, Math.max(45, r.normal(typical[0], typical[1]))));
    // Budgets: often unknown for old films; the median grows from ~$300k (1920) to ~$20M (2025).
    const median = Math.log(3e5) + ((year - 1920) / 105) * Math.log(20e6 / 3e5);
    const budget = r.chance(year < 1960 ? 0.7 : 0.3) ? null : Math.min(4e8, Math.max(1e4, Math.round(Math.exp(r.normal(median, 1.1)) / 1000) * 1000));
    yield [
      m + 1,
      movieTitle(r, country),
      movieDescription(r, year, country),
      budget,
      r.chance(0.004) ? null : isoDate(year, r.int(365)),
      duration,
      ref(plan.movieDirector[m]),
      ref(plan.movieCountry[m]),
      plan.posterFile[m] || null,
    ];
  }
}

export function* movieGenreRows(plan: Plan): Generator<Row> {
  for (let m = 0; m < plan.counts.movies; m++) {
    for (let g = plan.genreStart[m]; g < plan.genreStart[m + 1]; g++) yield [m + 1, plan.genreList[g] + 1];
  }
}

function roleAt(position: number, size: number, r: Rng): CharacterRole {
  if (position === 0) return "lead";
  if (position === 1 && size >= 6 && r.chance(0.5)) return "lead";
  return position < 1 + Math.ceil(size * 0.35) ? "supporting" : "minor";
}

export function* characterRows(plan: Plan): Generator<Row> {
  const r = new Rng(`${plan.options.seed}:character-rows`);
  for (let m = 0; m < plan.counts.movies; m++) {
    const culture = countryOf(plan.movieCountry[m])?.culture ?? "en";
    const size = plan.charStart[m + 1] - plan.charStart[m];
    for (let k = plan.charStart[m]; k < plan.charStart[m + 1]; k++) {
      const role = roleAt(k - plan.charStart[m], size, r);
      yield [k + 1, characterName(r, culture, role), characterDescription(r, role), role, m + 1];
    }
  }
}

export function* castingRows(plan: Plan): Generator<Row> {
  for (let k = 0; k < plan.counts.characters; k++) {
    for (let slot = plan.castStart[k]; slot < plan.castStart[k + 1]; slot++) yield [k + 1, plan.castPerson[slot] + 1];
  }
}

export function* galleryRows(plan: Plan): Generator<Row> {
  for (const [person, file] of plan.gallery) yield [person + 1, file];
}

export function* fileRows(images: StoredImage[]): Generator<Row> {
  for (let i = 0; i < images.length; i++) {
    const image = images[i];
    yield [i + 1, image.fileName, "image/webp", image.key, image.url, true, image.size];
  }
}
