/** Dates of death of the people in the demo catalogue who have died, by display name. */
export const deathDates: Record<string, string> = {};
