import { z } from "zod";

/** The person pickers' "Create person “Name”": one typed full name, split into first and last name. */
export const QUICK_PERSON_NAME_MAX = 201;
const PART_MAX = 100;

const noControl = (v: string) => !/[\u0000-\u001f\u007f]/.test(v);

/**
 * "Francis Ford Coppola" → first "Francis Ford", last "Coppola"; a single word ("Cher") is a first name with an
 * empty last name (as person.last_name defaults to "").
 */
export function splitPersonName(name: string): { first_name: string; last_name: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return { first_name: words[0] ?? "", last_name: "" };
  return { first_name: words.slice(0, -1).join(" "), last_name: words[words.length - 1] };
}

export const quickPersonSchema = z
  .string({ error: "Type the person’s name." })
  .transform((v) => v.normalize("NFC").replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, "Type the person’s name.")
      .max(QUICK_PERSON_NAME_MAX, `Use at most ${QUICK_PERSON_NAME_MAX} characters.`)
      .refine(noControl, "Remove the control characters.")
      .refine((v) => /\p{L}/u.test(v), "A name needs at least one letter."),
  )
  .transform(splitPersonName)
  .pipe(
    z.object({
      first_name: z.string().min(1).max(PART_MAX, `The first name can have at most ${PART_MAX} characters.`),
      last_name: z.string().max(PART_MAX, `The last name can have at most ${PART_MAX} characters.`),
    }),
  );
