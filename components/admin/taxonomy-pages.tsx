import Link from "next/link";
import { ArrowLeft } from "@/components/ui/icons/arrow-left";
import { ExternalLink } from "@/components/ui/icons/external-link";
import { DeleteButton } from "@/components/admin/delete-button";
import { AdminHeader, ButtonLink, FormSection } from "@/components/admin/kit";
import { TaxonomyForm } from "@/components/admin/taxonomy-form";
import { TaxonomyMerge } from "@/components/admin/taxonomy-merge";
import { Notice } from "@/components/admin/taxonomy-notice";
import { taxonomyReference } from "@/app/admin/_taxonomy/messages";
import type { TaxonomyItem, TaxonomyOption, TaxonomyReferences } from "@/db/queries/admin/taxonomy";
import type { DeleteState, SaveState } from "@/lib/admin-state";
import { formatNumber, plural } from "@/lib/format";
import { TAXONOMY, type TaxonomyKind } from "@/lib/validation/admin/taxonomy";

type SaveAction = (previous: SaveState, formData: FormData) => Promise<SaveState>;
type DeleteAction = (previous: DeleteState, formData: FormData) => Promise<DeleteState>;

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function BackLink({ kind }: { kind: TaxonomyKind }) {
  return (
    <ButtonLink href={TAXONOMY[kind].path} variant="secondary">
      <ArrowLeft aria-hidden className="size-4" /> All {TAXONOMY[kind].many}
    </ButtonLink>
  );
}

/** /admin/genres/new, /admin/countries/new. */
export function TaxonomyNewView({ kind, action }: { kind: TaxonomyKind; action: SaveAction }) {
  const { one, many } = TAXONOMY[kind];
  return (
    <>
      <AdminHeader title={`New ${one}`} description={`Films can use it as soon as it exists. Names are unique among ${many}, ignoring case.`} actions={<BackLink kind={kind} />} />
      <TaxonomyForm kind={kind} action={action} />
    </>
  );
}

type EditProps = {
  kind: TaxonomyKind;
  item: TaxonomyItem;
  usage: TaxonomyReferences;
  options: TaxonomyOption[];
  actions: { update: SaveAction; delete: DeleteAction; merge: DeleteAction };
  notice?: React.ReactNode;
};

/** /admin/genres/[id], /admin/countries/[id]: rename, what uses it, merge, delete. */
export function TaxonomyEditView({ kind, item, usage, options, actions, notice }: EditProps) {
  const { one, title, hasPeople } = TAXONOMY[kind];
  const publicFilms = `/movies?${kind}=${item.id}`;
  return (
    <>
      <AdminHeader
        title={item.name}
        description={
          <>
            {title} · {plural(item.films, "film")}
            {hasPeople ? ` · ${plural(item.people ?? 0, "person", "people")}` : ""} · last edited{" "}
            <time dateTime={item.updated_at}>{dateTime.format(new Date(item.updated_at))} UTC</time>
          </>
        }
        actions={<BackLink kind={kind} />}
      />
      {notice ? <Notice>{notice}</Notice> : null}
      <FormSection id="name-heading" title="Name" description={`Shown on film cards, in the catalogue’s filters and on the ${kind === "genre" ? "genres" : "countries"} page.`}>
        <TaxonomyForm kind={kind} action={actions.update} item={{ id: item.id, name: item.name, version: item.version }} />
      </FormSection>
      <FormSection id="usage-heading" title="Used by" description={usage.count > 10 ? `The first 10 of ${formatNumber(usage.count)}.` : undefined}>
        {usage.count === 0 ? (
          <p className="text-sm text-muted">Nothing uses this {one}: it can be deleted.</p>
        ) : (
          <div className="space-y-3 text-sm">
            <ul className="grid gap-x-6 gap-y-1.5 sm:grid-cols-2" data-testid="usage-list">
              {usage.references.map(taxonomyReference).map((ref) => (
                <li key={ref.href} className="min-w-0 truncate">
                  <Link href={ref.href} className="text-accent underline-offset-2 hover:underline">
                    {ref.label}
                  </Link>
                </li>
              ))}
            </ul>
            <p className="flex flex-wrap gap-x-4 gap-y-1">
              <Link href={publicFilms} className="inline-flex items-center gap-1 text-muted underline-offset-2 hover:text-accent hover:underline">
                All {plural(usage.films, "film")} in the catalogue <ExternalLink aria-hidden className="size-3.5" />
              </Link>
              {hasPeople && usage.people > 0 ? (
                <Link href={`/people?country=${item.id}`} className="inline-flex items-center gap-1 text-muted underline-offset-2 hover:text-accent hover:underline">
                  All {plural(usage.people, "person", "people")} <ExternalLink aria-hidden className="size-3.5" />
                </Link>
              ) : null}
            </p>
          </div>
        )}
      </FormSection>
      <FormSection
        id="remove-heading"
        title="Merge or delete"
        description={`Deleting is refused while anything uses this ${one}. Merging moves everything to another ${one}, then deletes this one.`}
      >
        <div className="flex flex-wrap gap-3">
          <TaxonomyMerge kind={kind} action={actions.merge} id={item.id} name={item.name} options={options} />
          <DeleteButton action={actions.delete} id={item.id} what={`the ${one} “${item.name}”`} />
        </div>
      </FormSection>
    </>
  );
}
