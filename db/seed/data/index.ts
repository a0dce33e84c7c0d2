import type { DemoFilm, DemoPerson } from "../types";
import { classicFilms } from "./films-classic";
import { modernFilms } from "./films-modern";
import { deathDates } from "./deaths";
import { classicPeople } from "./people-classic";
import { modernPeople } from "./people-modern";

export const demoFilms: DemoFilm[] = [...classicFilms, ...modernFilms];

/** Each person once (the two halves of the catalogue share actors such as Robert De Niro). */
export const demoPeople: DemoPerson[] = [...new Map([...classicPeople, ...modernPeople].map((p) => [p.name, p])).values()].map((p) => ({
  ...p,
  deathDate: p.deathDate ?? deathDates[p.name] ?? null,
}));
