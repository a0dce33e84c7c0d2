import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TaxonomyEditView } from "@/components/admin/taxonomy-pages";
import { getTaxonomyItem, getTaxonomyReferences, listTaxonomyOptions } from "@/db/queries/admin/taxonomy";
import { requireEditor } from "@/lib/session";
import { cleanSearch } from "@/lib/validation/admin/list-params";
import { parseExactId } from "@/lib/ids";
import { deleteCountryAction, mergeCountryAction, updateCountryAction } from "../actions";

export const metadata: Metadata = { title: "Edit country" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditCountryPage({ params, searchParams }: Props) {
  await requireEditor();
  const id = parseExactId((await params).id);
  if (!id) notFound();
  const [item, usage, options] = await Promise.all([getTaxonomyItem("country", id), getTaxonomyReferences("country", id), listTaxonomyOptions("country", id)]);
  if (!item) notFound();
  const sp = await searchParams;
  const merged = cleanSearch(typeof sp.merged === "string" ? sp.merged : undefined, 100);
  const notice = merged ? `Merged “${merged}” into this country.` : sp.created ? "Country created." : undefined;
  return (
    <TaxonomyEditView
      kind="country"
      item={item}
      usage={usage}
      options={options}
      actions={{ update: updateCountryAction, delete: deleteCountryAction, merge: mergeCountryAction }}
      notice={notice}
    />
  );
}
