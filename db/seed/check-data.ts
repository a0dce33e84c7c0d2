/**
 * Validates a pair of demo data files: `npx tsx db/seed/check-data.ts classic` checks
 * db/seed/data/films-classic.ts against db/seed/data/people-classic.ts (and any other people-*.ts present).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { DEMO_GENRES, type DemoFilm, type DemoPerson } from "./types";

const dataDir = path.join(import.meta.dirname, "data");
const part = process.argv[2];
const iso = /^\d{4}-\d{2}-\d{2}$/;

async function load<T>(file: string): Promise<T[]> {
  const mod = await import(path.join(dataDir, file));
  const arrays = Object.values(mod).filter(Array.isArray) as T[][];
  return arrays.flat();
}

const problems: string[] = [];
const filmFiles = readdirSync(dataDir).filter((f) => f.startsWith("films-") && (!part || f === `films-${part}.ts`));
const peopleFiles = readdirSync(dataDir).filter((f) => f.startsWith("people-"));
const films = (await Promise.all(filmFiles.map((f) => load<DemoFilm>(f)))).flat();
const people = (await Promise.all(peopleFiles.map((f) => load<DemoPerson>(f)))).flat();
const byName = new Map<string, DemoPerson>();
for (const p of people) {
  if (byName.has(p.name)) {
    const q = byName.get(p.name)!;
    if (q.birthDate !== p.birthDate) problems.push(`person ${p.name} twice with different birth dates`);
  }
  byName.set(p.name, p);
  if (p.birthDate !== null && (!iso.test(p.birthDate) || Number.isNaN(Date.parse(p.birthDate)))) problems.push(`person ${p.name}: bad birthDate`);
  if (p.deathDate && (!iso.test(p.deathDate) || (p.birthDate && p.deathDate <= p.birthDate))) problems.push(`person ${p.name}: bad deathDate`);
  if (!p.biography || p.biography.length < 60) problems.push(`person ${p.name}: biography too short`);
  if (!p.firstName) problems.push(`person ${p.name}: firstName missing`);
  if (`${p.firstName} ${p.lastName}`.trim() !== p.name) problems.push(`person ${p.name}: name != firstName + lastName`);
}
const titles = new Set<string>();
for (const f of films) {
  const where = `${f.title} (${f.releaseDate?.slice(0, 4)})`;
  if (titles.has(where)) problems.push(`${where}: duplicate film`);
  titles.add(where);
  if (!iso.test(f.releaseDate) || Number.isNaN(Date.parse(f.releaseDate))) problems.push(`${where}: bad releaseDate`);
  if (!(f.runtime > 0)) problems.push(`${where}: bad runtime`);
  if (f.budget !== null && !(f.budget > 0)) problems.push(`${where}: bad budget`);
  if (!f.genres.length) problems.push(`${where}: no genres`);
  for (const g of f.genres) if (!DEMO_GENRES.includes(g)) problems.push(`${where}: unknown genre ${g}`);
  if (!byName.has(f.director)) problems.push(`${where}: director ${f.director} has no DemoPerson`);
  if (f.cast.length < 5) problems.push(`${where}: fewer than 5 characters`);
  const chars = new Set<string>();
  for (const c of f.cast) {
    if (chars.has(c.character)) problems.push(`${where}: character ${c.character} twice`);
    chars.add(c.character);
    if (!c.actors.length) problems.push(`${where}: ${c.character} has no actor`);
    for (const a of c.actors) if (!byName.has(a)) problems.push(`${where}: actor ${a} has no DemoPerson`);
  }
}
const multi = films.flatMap((f) => f.cast.filter((c) => c.actors.length > 1).map((c) => `${f.title}: ${c.character}`));
console.log(`${films.length} films, ${people.length} people, ${multi.length} characters with several actors`);
if (problems.length) {
  console.log(problems.join("\n"));
  process.exit(1);
}
console.log("ok");
