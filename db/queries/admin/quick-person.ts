import "server-only";
import { db } from "../../index";
import { person } from "../../schema";

/** A person with just a name, created from a picker; the rest is filled in on the person's own form later. */
export async function insertQuickPerson(input: { first_name: string; last_name: string }): Promise<{ id: number; label: string }> {
  const [row] = await db.insert(person).values(input).returning({ id: person.id, first_name: person.first_name, last_name: person.last_name });
  return { id: row.id, label: `${row.first_name} ${row.last_name}`.trim() };
}
