import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TaxonomyEditView } from "@/components/admin/taxonomy-pages";
import { getTaxonomyItem, getTaxonomyReferences, listTaxonomyOptions } from "@/db/queries/admin/taxonomy";
import { requireEditor } from "@/lib/session";
import { cleanSearch } from "@/lib/validation/admin/list-params";
import { parseExactId } from "@/lib/ids";
import { deleteGenreAction, mergeGenreAction, updateGenreAction } from "../actions";

export const metadata: Metadata = { title: "Edit genre" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditGenrePage({ params, searchParams }: Props) {
  await requireEditor();
  const id = parseExactId((await params).id);
  if (!id) notFound();
  const [item, usage, options] = await Promise.all([getTaxonomyItem("genre", id), getTaxonomyReferences("genre", id), listTaxonomyOptions("genre", id)]);
  if (!item) notFound();
  const sp = await searchParams;
  const merged = cleanSearch(typeof sp.merged === "string" ? sp.merged : undefined, 100);
  const notice = merged ? `Merged “${merged}” into this genre.` : sp.created ? "Genre created." : undefined;
  return (
    <TaxonomyEditView
      kind="genre"
      item={item}
      usage={usage}
      options={options}
      actions={{ update: updateGenreAction, delete: deleteGenreAction, merge: mergeGenreAction }}
      notice={notice}
    />
  );
}
