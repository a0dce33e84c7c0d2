/** Billing groups of a cast, in the order the page lists them. character_.role is free text: anything else is "other". */
export const CAST_GROUPS = [
  { role: "lead", heading: "Leading roles", label: "Lead role" },
  { role: "supporting", heading: "Supporting roles", label: "Supporting role" },
  { role: "minor", heading: "Minor roles", label: "Minor role" },
  { role: null, heading: "Other roles", label: null },
] as const;

export function castGroupOf(role: string | null): (typeof CAST_GROUPS)[number] {
  return CAST_GROUPS.find((g) => g.role !== null && g.role === role?.toLowerCase()) ?? CAST_GROUPS[3];
}

/** "Lead role", or the stored role capitalized ("Cameo"), or null when there is none. */
export function roleLabel(role: string | null): string | null {
  const group = castGroupOf(role);
  if (group.label) return group.label;
  const text = role?.trim();
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : null;
}

/** Splits an already ordered cast into its non-empty billing groups. */
export function groupCast<T extends { role: string | null }>(cast: T[]) {
  return CAST_GROUPS.map((group) => ({ ...group, members: cast.filter((c) => castGroupOf(c.role) === group) })).filter((g) => g.members.length > 0);
}
