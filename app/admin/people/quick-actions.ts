"use server";

import { revalidatePath } from "next/cache";
import { insertQuickPerson } from "@/db/queries/admin/quick-person";
import { authorizeEditor } from "@/lib/session";
import { quickPersonSchema } from "@/lib/validation/admin/quick-person";

export type QuickCreatePersonResult = { id: number; label: string } | { error: string };

/**
 * "Create person “Name Surname”" in a person picker (components/admin/entity-picker.tsx): creates a person with
 * just that name and answers { id, label } for the picker to select, or { error }. Editors only.
 */
export async function quickCreatePersonAction(name: string): Promise<QuickCreatePersonResult> {
  const auth = await authorizeEditor();
  if (auth.denied) return { error: auth.denied.message ?? "You cannot do this." };
  const parsed = quickPersonSchema.safeParse(name);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Type the person’s name." };
  try {
    const created = await insertQuickPerson(parsed.data);
    revalidatePath("/admin/people");
    return created;
  } catch (error) {
    console.error("quick person creation failed", error);
    return { error: "The person could not be created right now. Try again." };
  }
}
