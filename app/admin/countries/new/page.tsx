import type { Metadata } from "next";
import { TaxonomyNewView } from "@/components/admin/taxonomy-pages";
import { requireEditor } from "@/lib/session";
import { createCountryAction } from "../actions";

export const metadata: Metadata = { title: "New country" };

export default async function NewCountryPage() {
  await requireEditor();
  return <TaxonomyNewView kind="country" action={createCountryAction} />;
}
