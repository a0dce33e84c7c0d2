import { z } from "zod";

/** The hidden `version` field of every admin edit form (see db/queries/admin/version.ts). */
export const versionField = z
  .string({ error: "This form is missing its version: reload the page." })
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/, "This form is missing its version: reload the page.");
