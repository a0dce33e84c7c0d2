import type { z } from "zod";

/**
 * Form state and form parsing, shared by the action wrappers (lib/action.ts), the forms that show the state, and
 * the tests. No session here, so anything may import it.
 */

/** What every form action returns on failure: per-field messages, a message for the form, and what was typed. */
export type FormState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** Values to put back in the form (never passwords). */
  values?: Record<string, string>;
};

export const FIX_FIELDS = "Please correct the highlighted fields.";

const SECRET_FIELDS = /password|confirm/i;

/** The text fields of a form, to send back so nothing typed is lost (secrets excluded). */
export function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$") && !SECRET_FIELDS.test(key)) values[key] = value.slice(0, 10_000);
  }
  return values;
}

/**
 * Parses FormData with a zod schema: `{ data }` or `{ state }` ready to return from the action. Only the
 * schema's own keys are read, so extra fields (role, id, user_id) sent by a tampering client are ignored.
 * `hidden`: fields the form does not show (a row's id, its version); their error, if any, becomes the message.
 */
export function parseForm<S extends z.ZodObject>(
  schema: S,
  formData: FormData,
  { hidden = [] }: { hidden?: string[] } = {},
): { data: z.infer<S>; state?: never } | { data?: never; state: FormState } {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) {
    const all = formData.getAll(key);
    raw[key] = all.length > 1 ? all : (all[0] ?? undefined);
  }
  const result = schema.safeParse(raw);
  if (result.success) return { data: result.data };
  const fieldErrors = firstErrors(result.error);
  const hiddenError = hidden.map((key) => fieldErrors[key]).find(Boolean);
  return { state: { fieldErrors, message: hiddenError ?? FIX_FIELDS, values: typedValues(formData) } };
}

/** The first message of each field (a nested path counts for its top field; no path is "form"). */
export function firstErrors(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
  return fieldErrors;
}
