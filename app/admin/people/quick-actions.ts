"use server";

import { revalidatePath } from "next/cache";
import { insertQuickPerson } from "@/db/queries/admin/quick-person";
import { editorAction } from "@/lib/action";
import { quickPersonSchema } from "@/lib/validation/admin/quick-person";

export type QuickCreatePersonResult = { id: number; label: string } | { error: string };

/**
 * "Create person “Name Surname”" in a person picker (components/admin/entity-picker.tsx): called with the typed
 * name, creates a person with just that name and answers { id, label } for the picker to select, or { error }.
 * Editors only.
 */
export const quickCreatePersonAction = editorAction(
  quickPersonSchema,
  async (name): Promise<QuickCreatePersonResult> => {
    try {
      const created = await insertQuickPerson(name);
      revalidatePath("/admin/people");
      return created;
    } catch (error) {
      console.error("quick person creation failed", error);
      return { error: "The person could not be created right now. Try again." };
    }
  },
  { failed: (state) => ({ error: Object.values(state.fieldErrors ?? {})[0] ?? state.message ?? "You cannot do this." }) },
);
