import Link from "next/link";
import { Plus } from "@/components/ui/icons/plus";
import { AdminHeader, AdminTable, ButtonLink, ListToolbar, ToolbarSelect, type AdminColumn } from "@/components/admin/kit";
import { Notice } from "@/components/admin/taxonomy-notice";
import { Pagination } from "@/components/ui/pagination";
import type { TaxonomyPage } from "@/db/queries/admin/taxonomy";
import { formatNumber, plural } from "@/lib/format";
import { sortsFor, TAXONOMY, TAXONOMY_PAGE_SIZE, TAXONOMY_SORT_LABELS, type TaxonomyFilters, type TaxonomyKind } from "@/lib/validation/admin/taxonomy";

function hrefFor(kind: TaxonomyKind, filters: TaxonomyFilters, page: number): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.sort !== "name") params.set("sort", filters.sort);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${TAXONOMY[kind].path}?${query}` : TAXONOMY[kind].path;
}

const editedFormat = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

/** The list of genres or countries: search, sort, usage counts, 50 per page. */
export function TaxonomyList({ kind, filters, data, deleted }: { kind: TaxonomyKind; filters: TaxonomyFilters; data: TaxonomyPage; deleted?: string }) {
  const { one, many, titlePlural, path, hasPeople } = TAXONOMY[kind];
  const { rows, total, page, pageCount } = data;
  const first = (page - 1) * TAXONOMY_PAGE_SIZE + 1;
  const columns: AdminColumn[] = [
    { label: "Name" },
    { label: "Films", align: "right" },
    ...(hasPeople ? [{ label: "People", align: "right" } as const] : []),
    { label: "Last edited" },
  ];
  return (
    <>
      <AdminHeader
        title={titlePlural}
        description={
          total === 0
            ? filters.q
              ? `No ${many} match “${filters.q}”.`
              : `No ${many} yet.`
            : `${plural(total, one, many)}${pageCount > 1 ? ` · ${formatNumber(first)}–${formatNumber(first + rows.length - 1)} shown` : ""}. A ${one} in use cannot be deleted; merge it into another instead.`
        }
        actions={
          <ButtonLink href={`${path}/new`}>
            <Plus aria-hidden className="size-4" /> New {one}
          </ButtonLink>
        }
      />
      {deleted ? <Notice>Deleted the {one} “{deleted}”.</Notice> : null}
      <ListToolbar action={path} q={filters.q} placeholder={`Search ${many}`}>
        <ToolbarSelect name="sort" label="Sort" value={filters.sort} options={sortsFor(kind).map((s) => ({ value: s, label: TAXONOMY_SORT_LABELS[s] }))} />
      </ListToolbar>
      <AdminTable
        caption={titlePlural}
        columns={columns}
        rows={rows}
        empty={
          filters.q ? (
            <>
              Nothing matches “{filters.q}”.{" "}
              <Link href={path} className="text-accent underline-offset-2 hover:underline">
                Show all {many}
              </Link>
            </>
          ) : (
            <>
              No {many} yet.{" "}
              <Link href={`${path}/new`} className="text-accent underline-offset-2 hover:underline">
                Create the first one
              </Link>
            </>
          )
        }
      >
        {(row) => (
          <tr key={row.id} data-testid={`${kind}-row`}>
            <td className="min-w-36">
              <Link href={`${path}/${row.id}`} className="font-medium text-foreground underline-offset-2 hover:text-accent hover:underline">
                {row.name}
              </Link>
            </td>
            <td className="whitespace-nowrap text-right tabular-nums">
              <Link href={`/movies?${kind}=${row.id}`} className="text-muted underline-offset-2 hover:text-accent hover:underline" aria-label={`${plural(row.films, "film")} on the public catalogue`}>
                {formatNumber(row.films)}
              </Link>
            </td>
            {hasPeople ? (
              <td className="whitespace-nowrap text-right tabular-nums">
                <Link href={`/people?country=${row.id}`} className="text-muted underline-offset-2 hover:text-accent hover:underline" aria-label={`${plural(row.people ?? 0, "person", "people")} on the public site`}>
                  {formatNumber(row.people ?? 0)}
                </Link>
              </td>
            ) : null}
            <td className="whitespace-nowrap text-muted">
              <time dateTime={row.updated_at}>{editedFormat.format(new Date(row.updated_at))}</time>
            </td>
          </tr>
        )}
      </AdminTable>
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => hrefFor(kind, filters, p)} label={`${titlePlural} pages`} />
    </>
  );
}
