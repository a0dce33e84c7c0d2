/** The zod fields of ids in forms and calls, on lib/ids.ts's one reading of an id. */
import { z } from "zod";
import { parseId } from "@/lib/ids";

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

function idOrIssue(value: unknown, message: string, ctx: z.RefinementCtx): number {
  const id = parseId(value);
  if (id === null) {
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  }
  return id;
}

/**
 * A required id field (a row's hidden id, a picked movie): `message` for anything that is not an id. (`.optional()`
 * lets an absent key reach the transform, which words it; zod would refuse it with its own text first.)
 */
export const idField = (message: string) => z.unknown().optional().transform((value, ctx) => idOrIssue(value, message, ctx));

/** A picker's id: "" or absent is null (nothing chosen); anything else must be an id. */
export const optionalIdField = (message: string) =>
  z.unknown().optional().transform((value, ctx): number | null => (isBlank(value) ? null : idOrIssue(value, message, ctx)));

/** A multiple picker's repeated fields: blanks dropped, each an id, at most `max`, deduplicated in order. */
export const idListField = (message: string, max: number, tooMany: string) =>
  z.preprocess(
    (v) => (isBlank(v) ? [] : Array.isArray(v) ? v.filter((x) => !isBlank(x)) : [v]),
    z
      .array(idField(message), { error: message })
      .max(max, tooMany)
      .transform((ids) => [...new Set(ids)]),
  );
