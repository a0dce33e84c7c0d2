import type { Metadata } from "next";
import { TaxonomyNewView } from "@/components/admin/taxonomy-pages";
import { requireEditor } from "@/lib/session";
import { createGenreAction } from "../actions";

export const metadata: Metadata = { title: "New genre" };

export default async function NewGenrePage() {
  await requireEditor();
  return <TaxonomyNewView kind="genre" action={createGenreAction} />;
}
