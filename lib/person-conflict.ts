import type { ConflictRow } from "./conflict";
import { GENDER_LABELS } from "./validation/admin/person";

/** A person as the conflict notice compares it (the edit form's fields; pickers by their labels). */
export type PersonLines = {
  first_name: string;
  last_name: string;
  biography: string | null;
  gender: string | null;
  date_of_birth: string | null;
  date_of_death: string | null;
  country: string;
  main_photo: string;
};

export const genderLabel = (gender: string | null) => (gender ? (GENDER_LABELS[gender as keyof typeof GENDER_LABELS] ?? gender) : "");

/** One line per field of the person form, under the names the form posts (pickers by label). */
export function personConflictRows(p: PersonLines): ConflictRow[] {
  return [
    { field: "first_name", label: "First name", value: p.first_name },
    { field: "last_name", label: "Last name", value: p.last_name },
    { field: "date_of_birth", label: "Date of birth", value: p.date_of_birth ?? "", kind: "date" },
    { field: "date_of_death", label: "Date of death", value: p.date_of_death ?? "", kind: "date" },
    { field: "gender_label", label: "Gender", value: genderLabel(p.gender) },
    { field: "country", label: "Country", value: p.country },
    { field: "main_photo", label: "Main photo", value: p.main_photo },
    { field: "biography", label: "Biography", value: p.biography ?? "" },
  ];
}
