import "server-only";
import { sql } from "drizzle-orm";
import type { PersonInput } from "@/lib/validation/admin/person";
import { db } from "../../../index";
import { pgError, SQLSTATE, type Executor, type ReferenceRefusal } from "../../toolkit";
import { checkImageFiles } from "./files";
import { getPersonForEdit, type PersonForEdit, type PhotoRef } from "./form";

/** Creating and updating a person (the edit form's save). */

/** A field of the person form whose id names nothing. */
export type PersonReferenceField = "country_id" | "main_photo_id";

/** The fields whose ids point nowhere (a tampered form, or a row deleted meanwhile); empty when all exist. */
async function unknownPersonReferences(executor: Executor, input: Pick<PersonInput, "country_id" | "main_photo_id">): Promise<PersonReferenceField[]> {
  const fields: PersonReferenceField[] = [];
  if (input.country_id !== null) {
    const [row] = await executor.execute(sql`select 1 from countries where id = ${input.country_id}`);
    if (!row) fields.push("country_id");
  }
  if (input.main_photo_id !== null) {
    const found = await checkImageFiles(executor, [input.main_photo_id]);
    if (!found.has(input.main_photo_id)) fields.push("main_photo_id");
  }
  return fields;
}

/** Foreign-key violations (a row deleted between the check and the write) as the field they concern. */
function foreignKeyField(error: unknown): PersonReferenceField | null {
  const pg = pgError(error);
  if (pg?.code !== SQLSTATE.foreignKeyViolation) return null;
  if (pg.constraint?.includes("country")) return "country_id";
  if (pg.constraint?.includes("main_photo")) return "main_photo_id";
  return null;
}

const personValues = (input: PersonInput) => sql`
  ${input.first_name}, ${input.last_name}, ${input.biography}, ${input.gender},
  ${input.date_of_birth}::date, ${input.date_of_death}::date, ${input.country_id}::int, ${input.main_photo_id}::int`;

export async function createPerson(input: PersonInput): Promise<{ id: number } | ReferenceRefusal<PersonReferenceField>> {
  const unknown = await unknownPersonReferences(db, input);
  if (unknown.length) return { unknown };
  try {
    const [row] = await db.execute<{ id: number }>(sql`
      insert into person (first_name, last_name, biography, gender, date_of_birth, date_of_death, country_id, main_photo_id)
      values (${personValues(input)}) returning id`);
    return { id: row.id };
  } catch (error) {
    const field = foreignKeyField(error);
    if (field) return { raced: field };
    throw error;
  }
}

export type UpdateOutcome =
  | { ok: true; version: string; mainPhoto: PhotoRef | null }
  | { gone: true }
  | { conflict: PersonForEdit }
  | ReferenceRefusal<PersonReferenceField>;

/**
 * Saves the person if nobody saved since `version` was loaded. Otherwise answers the current row (someone else's
 * values, for the conflict notice) or `gone`.
 */
export async function updatePerson(id: number, version: string, input: PersonInput): Promise<UpdateOutcome> {
  const unknown = await unknownPersonReferences(db, input);
  if (unknown.length) return { unknown };
  try {
    const [row] = await db.execute<{ version: string; mainPhoto: PhotoRef | null }>(sql`
      with updated as (
        update person set (first_name, last_name, biography, gender, date_of_birth, date_of_death, country_id, main_photo_id)
          = (${personValues(input)})
        where id = ${id} and updated_at = ${version}::timestamptz
        returning updated_at, main_photo_id
      )
      select updated.updated_at::text as version,
             case when f.id is null then null else json_build_object('id', f.id, 'url', f.file_url, 'file_name', f.file_name) end as "mainPhoto"
      from updated left join file_ f on f.id = updated.main_photo_id`);
    if (row) return { ok: true, version: row.version, mainPhoto: row.mainPhoto };
  } catch (error) {
    const field = foreignKeyField(error);
    if (field) return { raced: field };
    throw error;
  }
  const current = await getPersonForEdit(id);
  return current ? { conflict: current } : { gone: true };
}
