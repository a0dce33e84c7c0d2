/** The words of the synthetic catalogue: names, titles, descriptions and biographies, all from a seeded Rng. */
import type { Rng } from "./random";
import {
  CAREER_NOTES,
  CAREER_PATHS,
  CAREER_STARTS,
  FOLLOW_UPS,
  JOBS,
  MINOR_ROLES,
  NATIVE_TITLES,
  PEOPLE_ADJECTIVES,
  PLOTS,
  TITLE_ADJECTIVES,
  TITLE_GERUNDS,
  TITLE_NOUNS,
  TITLE_PLACES,
  TITLED_ROLES,
  namePools,
  type CountrySpec,
} from "./vocabulary";

export type Gender = "male" | "female" | "non-binary";
export type CharacterRole = "lead" | "supporting" | "minor";

const IRREGULAR: Record<string, string> = { Child: "Children", Wolf: "Wolves", Thief: "Thieves", Century: "Centuries", Woman: "Women", Man: "Men" };

function plural(noun: string): string {
  if (IRREGULAR[noun]) return IRREGULAR[noun];
  if (/[^aeiou]y$/.test(noun)) return noun.slice(0, -1) + "ies";
  if (/(s|sh|ch|x|z)$/.test(noun)) return noun + "es";
  return noun + "s";
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? "an" : "a");
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export function personName(rng: Rng, culture: string, gender: Gender): { first: string; last: string } {
  const pool = namePools[culture] ?? namePools.en;
  const female = gender === "female" || (gender === "non-binary" && rng.chance(0.5));
  const first = rng.pick(female ? pool.female : pool.male);
  // A few people are known by one name only.
  if (rng.chance(0.003)) return { first, last: "" };
  const last = female && pool.lastFemale ? rng.pick(pool.lastFemale) : rng.pick(pool.last);
  return { first, last };
}

function englishTitle(rng: Rng, culture: string): string {
  const noun = () => rng.pick(TITLE_NOUNS);
  const adjective = () => rng.pick(TITLE_ADJECTIVES);
  const r = rng.next();
  if (r < 0.2) return `The ${adjective()} ${noun()}`;
  if (r < 0.3) return `The ${noun()}`;
  if (r < 0.4) return `${noun()} of ${rng.pick(TITLE_PLACES)}`;
  if (r < 0.47) return `The ${noun()} of the ${noun()}`;
  if (r < 0.55) return `${adjective()} ${plural(noun())}`;
  if (r < 0.62) return `${rng.pick(TITLE_GERUNDS)} ${rng.chance(0.5) ? `the ${noun()}` : personName(rng, culture, rng.chance(0.5) ? "female" : "male").first}`;
  if (r < 0.68) {
    const one = personName(rng, culture, rng.chance(0.5) ? "female" : "male").first;
    return rng.chance(0.5) ? one : `${one} and ${personName(rng, culture, rng.chance(0.5) ? "female" : "male").first}`;
  }
  if (r < 0.76) return `${noun()} and ${noun()}`;
  if (r < 0.84) {
    const n = noun();
    return `${capitalise(article(n))} ${n} in ${rng.pick(TITLE_PLACES)}`;
  }
  if (r < 0.93) return `${adjective()} ${noun()}`;
  return `The ${noun()}'s ${noun()}`;
}

function nativeTitle(rng: Rng, country: CountrySpec): string {
  const language = NATIVE_TITLES[country.language!];
  const r = rng.next();
  const word = rng.pick(language.words);
  if (r < 0.45) return word;
  if (r < 0.75) return `${word} ${language.of} ${rng.pick(language.places)}`;
  return `${word} ${language.joiner} ${lowerFirst(rng.pick(language.words))}`;
}

export function movieTitle(rng: Rng, country: CountrySpec | undefined): string {
  const title = country?.language && rng.chance(0.55) ? nativeTitle(rng, country) : englishTitle(rng, country?.culture ?? "en");
  if (!rng.chance(0.03)) return title;
  return title + rng.pick([" II", " III", " 2", ": Part Two", ": The Return", ": Chapter One"]);
}

export function movieDescription(rng: Rng, year: number, country: CountrySpec | undefined): string {
  const culture = country?.culture ?? "en";
  const adjective = rng.pick(PEOPLE_ADJECTIVES);
  const job = rng.pick(JOBS);
  const city = country ? rng.pick(country.cities) : rng.pick(TITLE_PLACES);
  const gender: Gender = rng.chance(0.5) ? "female" : "male";
  const name = personName(rng, culture, gender);
  const subject = rng.chance(0.6)
    ? `${name.first}, ${article(adjective)} ${adjective} ${job} from ${city},`
    : `${capitalise(article(adjective))} ${adjective} ${job} in ${city}`;
  const parts = [`${subject} ${rng.pick(PLOTS)}.`, rng.pick(FOLLOW_UPS)];
  if (rng.chance(0.45)) {
    const decade = Math.max(1850, Math.floor((year - rng.int(60)) / 10) * 10);
    parts.push(`Set in the ${decade}s.`);
  }
  return parts.join(" ");
}

export function characterName(rng: Rng, culture: string, role: CharacterRole): string {
  const r = rng.next();
  const gender: Gender = rng.chance(0.5) ? "female" : "male";
  if (role === "minor") {
    if (r < 0.35) return rng.pick(MINOR_ROLES);
    if (r < 0.55) return `${rng.pick(TITLED_ROLES)} ${personName(rng, culture, gender).last || personName(rng, culture, gender).first}`;
  } else if (r < 0.05) {
    return `${rng.pick(TITLED_ROLES)} ${personName(rng, culture, gender).last || personName(rng, culture, gender).first}`;
  }
  const name = personName(rng, culture, gender);
  return rng.chance(0.12) || !name.last ? name.first : `${name.first} ${name.last}`;
}

export function characterDescription(rng: Rng, role: CharacterRole): string | null {
  const chance = role === "lead" ? 1 : role === "supporting" ? 0.6 : 0.1;
  if (!rng.chance(chance)) return null;
  const adjective = rng.pick(PEOPLE_ADJECTIVES);
  return `${capitalise(article(adjective))} ${adjective} ${rng.pick(JOBS)} who ${rng.pick(PLOTS)}.`;
}

export function biography(
  rng: Rng,
  p: { first: string; last: string; gender: Gender; country: CountrySpec | undefined; birthYear: number | null; directs: boolean },
): string | null {
  if (!rng.chance(0.85)) return null;
  const full = `${p.first} ${p.last}`.trim();
  const pronoun = p.gender === "female" ? "She" : p.gender === "male" ? "He" : "They";
  const city = p.country ? rng.pick(p.country.cities) : undefined;
  const place = !p.country ? "a small town" : city === p.country.name ? city : `${city}, ${p.country.name}`;
  const born = `${full} was born in ${place}${p.birthYear ? ` in ${p.birthYear}` : ""}.`;
  const career = p.directs
    ? `${pronoun} started out ${rng.pick(CAREER_STARTS)} and directed a first feature ${rng.between(2, 15)} years later.`
    : `${pronoun} started out ${rng.pick(CAREER_STARTS)} and ${rng.pick(CAREER_PATHS)}.`;
  return rng.chance(0.6) ? `${born} ${career} ${rng.pick(CAREER_NOTES)}` : `${born} ${career}`;
}
