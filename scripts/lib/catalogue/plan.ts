/**
 * The structure of the synthetic catalogue, decided up front in typed arrays: release years, who was born when,
 * who directed what, how many characters each film has and which actors play them. The text of each row is
 * written later, while streaming (text.ts). Everything is derived from the seed, so the same options always give
 * the same catalogue.
 *
 * Realism that the pages and the benchmark rely on:
 * - more films in recent decades (1920-2025), ~60 countries weighted like world production, 1-3 genres each;
 * - actors are cast only in films released when they were 5-88 years old, directors when 22-80, so ages at
 *   release are plausible;
 * - a long tail: most people have a handful of credits, a few hundred have hundreds (popularity ~ 1/(rank+200));
 * - one deliberately prolific actor with `prolific` castings in as many distinct films (the benchmark's worst
 *   person page), and ~10% of characters played by two actors (young/old versions).
 */
import { DEMO_GENRES } from "@/db/seed/types";
import { Rng, WeightedPicker, pickDistinct, upperBound } from "./random";
import { COUNTRIES } from "./vocabulary";
import type { Gender } from "./text";

export const FIRST_YEAR = 1920;
export const LAST_YEAR = 2025;
const OLDEST_BIRTH = FIRST_YEAR - 90;

export type PlanOptions = {
  movies: number;
  people: number;
  /** character/actor links; characters are ~90% of this, the rest are second actors of the same character. */
  castings: number;
  seed: string;
  /** castings of the prolific actor (capped by the number of films released in his working life). */
  prolific: number;
};

export type ImageCounts = { posters: number; portraits: number; gallery: number };

const GENRE_WEIGHTS: Record<string, number> = {
  Drama: 30, Comedy: 20, Thriller: 12, Action: 11, Romance: 10, Crime: 9, Horror: 8, Adventure: 7, Mystery: 5,
  "Science Fiction": 5, Fantasy: 5, Documentary: 5, Family: 4, Animation: 4, History: 3, Music: 3, War: 3, Western: 2,
};

export type Plan = ReturnType<typeof buildPlan>;

/** How many distinct images to store: enough variety on every page, far fewer than rows (see BENCHMARKS.md). */
export function imageCounts(movies: number, people: number): ImageCounts {
  return {
    posters: Math.min(1000, Math.max(4, Math.ceil(movies / 100))),
    portraits: Math.min(800, Math.max(4, Math.ceil(people / 250))),
    gallery: Math.min(200, Math.max(4, Math.ceil(people / 1000))),
  };
}

export function buildPlan(options: PlanOptions) {
  const { movies: M, people: P, castings: C, seed } = options;
  const characters = Math.min(C, Math.max(M, Math.round(C * 0.9)));
  const doubles = C - characters;
  if (doubles > characters) throw new Error("castings must be at most twice the number of characters");
  const rng = (part: string) => new Rng(`${seed}:${part}`);
  const images = imageCounts(M, P);

  // Release years: production grows over the century.
  const yearPicker = new WeightedPicker(Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => Math.pow(FIRST_YEAR + i - 1890, 1.2)));
  const countryPicker = new WeightedPicker(COUNTRIES.map((c) => c.weight));
  const movieYear = new Int16Array(M);
  const movieCountry = new Int16Array(M);
  {
    const r = rng("movies");
    for (let m = 0; m < M; m++) {
      movieYear[m] = FIRST_YEAR + yearPicker.pick(r);
      movieCountry[m] = r.chance(0.01) ? -1 : countryPicker.pick(r);
    }
  }

  // Genres: 1-3 per film; westerns belong mostly to the middle of the century.
  const genreStart = new Int32Array(M + 1);
  const genreList: number[] = [];
  {
    const r = rng("genres");
    const base = DEMO_GENRES.map((g) => GENRE_WEIGHTS[g] ?? 3);
    const western = DEMO_GENRES.indexOf("Western");
    const classic = new WeightedPicker(base.map((w, i) => (i === western ? w * 5 : w)));
    const modern = new WeightedPicker(base);
    for (let m = 0; m < M; m++) {
      genreStart[m] = genreList.length;
      const k = r.chance(0.35) ? 1 : r.chance(0.7) ? 2 : 3;
      const picker = movieYear[m] >= 1930 && movieYear[m] <= 1965 ? classic : modern;
      genreList.push(...pickDistinct(r, picker, k).sort((a, b) => a - b));
    }
    genreStart[M] = genreList.length;
  }
  const documentary = DEMO_GENRES.indexOf("Documentary");

  // People: birth years follow the demand of the films they will be cast in.
  const birthYear = new Int16Array(P);
  const personCountry = new Int16Array(P);
  const gender: Gender[] = new Array(P);
  const directs = new Uint8Array(P);
  const popularityRank = new Int32Array(P);
  const prolificPerson = rng("prolific").int(P);
  {
    const r = rng("people");
    for (let p = 0; p < P; p++) {
      const age = Math.round(Math.min(85, Math.max(5, r.normal(35, 14))));
      birthYear[p] = Math.max(OLDEST_BIRTH, FIRST_YEAR + yearPicker.pick(r) - age);
      personCountry[p] = r.chance(0.02) ? -1 : countryPicker.pick(r);
      const g = r.next();
      gender[p] = g < 0.495 ? "male" : g < 0.99 ? "female" : "non-binary";
      directs[p] = birthYear[p] <= LAST_YEAR - 25 && r.chance(0.06) ? 1 : 0;
      popularityRank[p] = p;
    }
    // A random permutation: popularity is independent of id.
    for (let i = P - 1; i > 0; i--) {
      const j = r.int(i + 1);
      [popularityRank[i], popularityRank[j]] = [popularityRank[j], popularityRank[i]];
    }
    birthYear[prolificPerson] = 1938;
    personCountry[prolificPerson] = 0;
    gender[prolificPerson] = "male";
    directs[prolificPerson] = 0;
  }

  /** People sorted by birth year with prefix sums of a weight: a weighted draw among those born in [from, to]. */
  const windowSampler = (members: number[], weightOf: (p: number) => number) => {
    const sorted = Int32Array.from(members).sort((a, b) => birthYear[a] - birthYear[b] || a - b);
    const prefix = new Float64Array(sorted.length);
    let sum = 0;
    sorted.forEach((p, i) => (prefix[i] = sum += weightOf(p)));
    const firstBornIn = new Int32Array(LAST_YEAR - OLDEST_BIRTH + 2);
    for (let y = OLDEST_BIRTH, i = 0; y <= LAST_YEAR + 1; y++) {
      while (i < sorted.length && birthYear[sorted[i]] < y) i++;
      firstBornIn[y - OLDEST_BIRTH] = i;
    }
    const index = (year: number) => firstBornIn[Math.min(LAST_YEAR + 1, Math.max(OLDEST_BIRTH, year)) - OLDEST_BIRTH];
    return {
      sorted,
      range: (from: number, to: number) => [index(from), index(to + 1)] as const,
      draw(r: Rng, lo: number, hi: number): number {
        if (hi <= lo) return -1;
        const before = lo > 0 ? prefix[lo - 1] : 0;
        const span = prefix[hi - 1] - before;
        if (span <= 0) return sorted[lo + r.int(hi - lo)];
        return sorted[upperBound(prefix, before + r.next() * span, lo, hi)];
      },
    };
  };

  // Most people have a few credits, a few hundred have hundreds: weight = base + 1/(rank + 200), where the base
  // carries 35% of all castings. The prolific actor is cast explicitly, never drawn.
  const harmonic = (n: number, offset: number) => Math.log((n + offset) / offset);
  const actorBase = ((0.35 / 0.65) * harmonic(P, 200)) / P;
  const actors = windowSampler(
    Array.from({ length: P }, (_, p) => p),
    (p) => (p === prolificPerson ? 0 : actorBase + 1 / (popularityRank[p] + 200)),
  );
  const directorIds = Array.from({ length: P }, (_, p) => p).filter((p) => directs[p]);
  // Directors: a flatter tail (the busiest direct about a hundred films), the base carrying 60% of films.
  const directorBase = ((0.6 / 0.4) * harmonic(directorIds.length, 300)) / Math.max(1, directorIds.length);
  const directorRank = new Int32Array(P);
  directorIds.map((p) => [popularityRank[p], p]).sort((a, b) => a[0] - b[0]).forEach(([, p], i) => (directorRank[p] = i));
  const directorSampler = windowSampler(directorIds, (p) => directorBase + 1 / (directorRank[p] + 300));

  const movieDirector = new Int32Array(M).fill(-1);
  {
    const r = rng("directors");
    for (let m = 0; m < M; m++) {
      if (r.chance(0.01)) continue;
      const [lo, hi] = directorSampler.range(movieYear[m] - 80, movieYear[m] - 22);
      movieDirector[m] = directorSampler.draw(r, lo, hi);
    }
  }

  // Characters per film: at least a few, more for bigger productions, fewer for documentaries.
  const charStart = new Int32Array(M + 1);
  {
    const r = rng("cast-sizes");
    const base = Math.min(3, Math.floor(characters / M));
    const size = new Int32Array(M).fill(base);
    const weights = new Float64Array(M);
    for (let m = 0; m < M; m++) {
      let isDoc = false;
      for (let g = genreStart[m]; g < genreStart[m + 1]; g++) if (genreList[g] === documentary) isDoc = true;
      weights[m] = Math.exp(r.normal(0, 0.55)) * (isDoc ? 0.3 : 1);
    }
    const picker = new WeightedPicker(weights);
    for (let extra = characters - base * M; extra > 0; extra--) size[picker.pick(r)]++;
    for (let m = 0; m < M; m++) charStart[m + 1] = charStart[m] + size[m];
  }
  const charMovie = new Int32Array(characters);
  for (let m = 0; m < M; m++) charMovie.fill(m, charStart[m], charStart[m + 1]);

  // Which characters have a second actor, and where each character's castings start.
  const double = new Uint8Array(characters);
  {
    const r = rng("doubles");
    for (let chosen = 0; chosen < doubles; ) {
      const k = r.int(characters);
      if (!double[k]) {
        double[k] = 1;
        chosen++;
      }
    }
  }
  const castStart = new Int32Array(characters + 1);
  for (let k = 0; k < characters; k++) castStart[k + 1] = castStart[k] + 1 + double[k];
  const castPerson = new Int32Array(C).fill(-1);

  // The prolific actor: one character in each of `prolific` distinct films of his working life.
  let prolificCastings = 0;
  {
    const r = rng("prolific-films");
    const eligible: number[] = [];
    for (let m = 0; m < M; m++) if (movieYear[m] >= birthYear[prolificPerson] + 10) eligible.push(m);
    const target = Math.min(options.prolific, eligible.length, C);
    for (let i = 0; i < target; i++) {
      const j = i + r.int(eligible.length - i);
      [eligible[i], eligible[j]] = [eligible[j], eligible[i]];
      const m = eligible[i];
      const k = charStart[m] + r.int(charStart[m + 1] - charStart[m]);
      castPerson[castStart[k]] = prolificPerson;
    }
    prolificCastings = target;
  }

  // Everyone else: weighted draws among the people of the right age, never twice in the same film.
  {
    const r = rng("castings");
    const used: number[] = [];
    for (let m = 0; m < M; m++) {
      used.length = 0;
      for (let slot = castStart[charStart[m]]; slot < castStart[charStart[m + 1]]; slot++) {
        if (castPerson[slot] >= 0) used.push(castPerson[slot]);
      }
      let [lo, hi] = actors.range(movieYear[m] - 88, movieYear[m] - 5);
      if (hi - lo < 2 * (castStart[charStart[m + 1]] - castStart[charStart[m]]) + 2) [lo, hi] = [0, actors.sorted.length];
      for (let slot = castStart[charStart[m]]; slot < castStart[charStart[m + 1]]; slot++) {
        if (castPerson[slot] >= 0) continue;
        let p = -1;
        for (let attempt = 0; attempt < 8 && (p < 0 || used.includes(p)); attempt++) p = actors.draw(r, lo, hi);
        // Rare: a busy film in a thin year. Walk the window from a random point to the first free person.
        for (let i = lo + r.int(hi - lo), n = 0; (p < 0 || used.includes(p) || p === prolificPerson) && n < hi - lo; n++) {
          p = actors.sorted[lo + ((i - lo + n) % (hi - lo))];
        }
        castPerson[slot] = p;
        used.push(p);
      }
    }
  }

  // Images: shared pools (see imageCounts); popular people nearly always have a portrait and the best known a gallery.
  const posterFile = new Int32Array(M);
  const photoFile = new Int32Array(P);
  const gallery: Array<[person: number, file: number]> = [];
  {
    const r = rng("images");
    const { posters, portraits, gallery: galleryPool } = images;
    for (let m = 0; m < M; m++) posterFile[m] = r.chance(movieYear[m] < 1950 ? 0.7 : 0.9) ? 1 + r.int(posters) : 0;
    const famous = Math.ceil(P * 0.1);
    for (let p = 0; p < P; p++) {
      const chance = p === prolificPerson ? 1 : popularityRank[p] < famous ? 0.95 : 0.45;
      photoFile[p] = r.chance(chance) ? posters + 1 + r.int(portraits) : 0;
    }
    const galleryPeople = Math.min(2000, Math.ceil(P * 0.01));
    const uniform = new WeightedPicker(new Float64Array(galleryPool).fill(1));
    for (let p = 0; p < P; p++) {
      if (p !== prolificPerson && popularityRank[p] >= galleryPeople) continue;
      for (const f of pickDistinct(r, uniform, Math.min(galleryPool, r.between(2, 4))).sort((a, b) => a - b)) {
        gallery.push([p, posters + portraits + 1 + f]);
      }
    }
  }

  return {
    options,
    counts: { movies: M, people: P, characters, castings: C, doubles },
    images,
    movieYear,
    movieCountry,
    genreStart,
    genreList,
    birthYear,
    personCountry,
    gender,
    directs,
    movieDirector,
    charStart,
    charMovie,
    castStart,
    castPerson,
    prolificPerson,
    prolificCastings,
    posterFile,
    photoFile,
    gallery,
  };
}

/** Castings per person, for the generator's report (max, people without any, the top of the distribution). */
export function castingStats(plan: Plan) {
  const perPerson = new Int32Array(plan.counts.people);
  for (const p of plan.castPerson) perPerson[p]++;
  const sorted = Int32Array.from(perPerson).sort((a, b) => b - a);
  let none = 0;
  for (const n of perPerson) if (n === 0) none++;
  const directed = new Int32Array(plan.counts.people);
  for (const d of plan.movieDirector) if (d >= 0) directed[d]++;
  return {
    withoutCastings: none,
    top: Array.from(sorted.slice(0, 5)),
    atLeast100: sorted.filter((n) => n >= 100).length,
    median: sorted[Math.floor(sorted.length / 2)],
    mostFilmsDirected: directed.reduce((a, b) => Math.max(a, b), 0),
    directors: directed.filter((n) => n > 0).length,
  };
}
