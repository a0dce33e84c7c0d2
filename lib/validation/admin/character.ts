/**
 * The character forms of the admin (server truth in app/admin/characters/actions.ts, hints in the form) and the
 * query parameters of /admin/characters.
 */
import { z } from "zod";
import { cleanSearch, parsePage } from "./list-params";
import { idField, idListField } from "@/lib/validation/ids";
import { first, optionalText, requiredLine } from "./person";
import { versionField } from "./version";

export const CHARACTER_LIMITS = { name: 200, description: 5_000, role: 32, actors: 50 } as const;
/** The billing groups the public cast list knows (app/(site)/movies/[id]/cast-roles.ts); role is free text there. */
export const CHARACTER_ROLE_OPTIONS = [
  { value: "lead", label: "Lead role" },
  { value: "supporting", label: "Supporting role" },
  { value: "minor", label: "Minor role" },
] as const;

const role = z.preprocess(
  (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v),
  z
    .string({ error: "Choose a role from the list." })
    .trim()
    .toLowerCase()
    .max(CHARACTER_LIMITS.role, `Use at most ${CHARACTER_LIMITS.role} characters.`)
    .regex(/^[\p{L}\p{N} '-]+$/u, "Use letters, digits, spaces and dashes only.")
    .nullable(),
);

export const characterFields = {
  name: requiredLine(CHARACTER_LIMITS.name, "Enter the character's name."),
  description: optionalText(CHARACTER_LIMITS.description),
  role,
  movie_id: idField("Choose the movie this character is in."),
  actor_ids: idListField("Choose the actors from the list.", CHARACTER_LIMITS.actors, `A character has at most ${CHARACTER_LIMITS.actors} actors.`),
};

export const characterCreateSchema = z.object(characterFields);
export type CharacterInput = z.infer<typeof characterCreateSchema>;

export const characterUpdateSchema = z.object({ ...characterFields, id: idField("This character could not be found."), version: versionField });

export const characterDeleteSchema = z.object({
  id: idField("This character could not be found."),
  confirm: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.literal("yes").nullable()).catch(null),
});

// ---------------------------------------------------------------------------------------------------------------
// /admin/characters query parameters
// ---------------------------------------------------------------------------------------------------------------

export type AdminCharactersParams = { q: string; withoutActor: boolean; page: number };

export function parseAdminCharactersParams(params: Record<string, string | string[] | undefined>): AdminCharactersParams {
  return { q: cleanSearch(first(params.q), 100), withoutActor: first(params.actor) === "none", page: parsePage(first(params.page)) };
}

export function adminCharactersHref(p: Partial<AdminCharactersParams>): string {
  const s = new URLSearchParams();
  if (p.q) s.set("q", p.q);
  if (p.withoutActor) s.set("actor", "none");
  if (p.page && p.page > 1) s.set("page", String(p.page));
  const qs = s.toString();
  return qs ? `/admin/characters?${qs}` : "/admin/characters";
}
