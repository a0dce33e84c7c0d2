import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "@/components/ui/icons/plus";
import { UserRound } from "@/components/ui/icons/user-round";
import { type AdminColumn, AdminHeader, AdminTable, DeletedNotice, ListEmpty, ButtonLink, ListToolbar, RowLinks, ToolbarSelect, EditedCell } from "@/components/admin/kit";
import { Pagination } from "@/components/ui/pagination";
import { ADMIN_PAGE_SIZE, getCountryOptions, listAdminPeople } from "@/db/queries/admin/people/list";
import { formatDate, formatNumber, plural } from "@/lib/format";
import { requireEditor } from "@/lib/session";
import { personHref } from "@/lib/slug";
import { ADMIN_PEOPLE_SORT_LABELS, ADMIN_PEOPLE_SORTS, adminPeopleHref, first, parseAdminPeopleParams } from "@/lib/validation/admin/person";

export const metadata: Metadata = { title: "People" };

const COLUMNS: AdminColumn[] = [
  { label: "Photo", srOnly: true },
  { label: "Name" },
  { label: "Born" },
  { label: "Country" },
  { label: "Credits" },
  { label: "Updated" },
  { label: "Links", srOnly: true },
];

function credits(directed: number, roles: number) {
  const parts = [directed ? `${plural(directed, "film")} directed` : null, roles ? plural(roles, "role") : null].filter(Boolean);
  return parts.length ? parts.join(" · ") : null;
}

export default async function AdminPeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireEditor();
  const search = await searchParams;
  const params = parseAdminPeopleParams(search);
  const [list, countries] = await Promise.all([listAdminPeople(params), getCountryOptions()]);
  const filtered = Boolean(params.q || params.country || params.missing || params.role);
  const from = (list.page - 1) * ADMIN_PAGE_SIZE + 1;
  const deleted = first(search.deleted)?.slice(0, 120);
  // eslint-disable-next-line react-hooks/purity -- a server component renders once per request: "now" is that request's time
  const now = Date.now();
  const summary =
    list.total === 0
      ? "No people match."
      : `${list.totalIsCapped ? `More than ${formatNumber(list.total)} people (narrow the search to see them all)` : plural(list.total, "person", "people")}${
          list.pageCount > 1 ? ` · ${formatNumber(from)}–${formatNumber(from + list.rows.length - 1)} shown` : ""
        }`;

  return (
    <>
      <AdminHeader
        title="People"
        description={summary}
        actions={
          <ButtonLink href="/admin/people/new">
            <Plus aria-hidden className="size-4" /> New person
          </ButtonLink>
        }
      />
      <DeletedNotice name={deleted} />

      <ListToolbar action="/admin/people" q={params.q} placeholder="Search names">
        <ToolbarSelect
          name="country"
          label="Country"
          value={params.country ? String(params.country) : ""}
          options={[{ value: "", label: "All countries" }, ...countries.map((c) => ({ value: String(c.id), label: c.name }))]}
        />
        <ToolbarSelect
          name="role"
          label="Credits"
          value={params.role ?? ""}
          options={[
            { value: "", label: "Everyone" },
            { value: "directors", label: "Directors" },
            { value: "actors", label: "Actors" },
          ]}
        />
        <ToolbarSelect
          name="missing"
          label="Missing"
          value={params.missing ?? ""}
          options={[
            { value: "", label: "Nothing in particular" },
            { value: "photo", label: "Missing photo" },
            { value: "birth", label: "Missing birth date" },
          ]}
        />
        <ToolbarSelect name="sort" label="Sort" value={params.sort} options={ADMIN_PEOPLE_SORTS.map((s) => ({ value: s, label: ADMIN_PEOPLE_SORT_LABELS[s] }))} />
      </ListToolbar>

      <AdminTable
        caption="People"
        columns={COLUMNS}
        rows={list.rows}
        empty={
          <ListEmpty
            filtered={filtered}
            noMatch="No people match these filters."
            clear={{ href: "/admin/people", label: "Show everyone" }}
            none="No people yet."
            start={{ href: "/admin/people/new", label: "Add the first one" }}
          />
        }
      >
        {(p) => {
          const credit = credits(p.directedCount, p.rolesCount);
          return (
            <tr key={p.id} className="align-middle" data-testid="person-row">
              <td className="w-14 !py-1.5">
                {p.photoUrl ? (
                  // A plain img: private photos are served only with the editor's cookie, which the image optimizer lacks.
                  // eslint-disable-next-line @next/next/no-img-element
                  <img src={p.photoUrl} alt="" loading="lazy" decoding="async" width={36} height={45} className="h-[45px] w-9 rounded-sm border border-border object-cover" />
                ) : (
                  <span title="No photo" className="grid h-[45px] w-9 place-items-center rounded-sm border border-dashed border-border text-muted">
                    <UserRound aria-hidden className="size-3.5" />
                    <span className="sr-only">No photo</span>
                  </span>
                )}
              </td>
              <td className="min-w-48 max-w-72">
                <Link href={`/admin/people/${p.id}`} className="font-medium hover:text-accent hover:underline">
                  {p.name}
                </Link>
              </td>
              <td className="whitespace-nowrap">
                {p.birthDate ? formatDate(p.birthDate) : <span className="text-red-700 dark:text-red-300">unknown</span>}
                {p.deathDate ? <span className="block text-xs text-muted">died {formatDate(p.deathDate)}</span> : null}
              </td>
              <td className="whitespace-nowrap">{p.countryName ?? <span className="text-muted">—</span>}</td>
              <td className="whitespace-nowrap text-muted">{credit ?? "—"}</td>
              <EditedCell at={p.updatedAt} now={now} />
              <RowLinks editHref={`/admin/people/${p.id}`} viewHref={personHref(p)} name={p.name} />
            </tr>
          );
        }}
      </AdminTable>
      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(page) => adminPeopleHref({ ...params, page })} label="People pages" />
    </>
  );
}
