import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "@/components/ui/icons/plus";
import { type AdminColumn, AdminHeader, AdminTable, DeletedNotice, ListEmpty, ButtonLink, ListToolbar, RowLinks, ToolbarSelect, EditedCell } from "@/components/admin/kit";
import { Pagination } from "@/components/ui/pagination";
import { listAdminCharacters } from "@/db/queries/admin/characters";
import { ADMIN_PAGE_SIZE } from "@/db/queries/admin/people/list";
import { formatNumber, plural } from "@/lib/format";
import { requireEditor } from "@/lib/session";
import { characterHref } from "@/lib/slug";
import { adminCharactersHref, parseAdminCharactersParams } from "@/lib/validation/admin/character";
import { first } from "@/lib/validation/admin/person";
import { roleLabel } from "../../(site)/movies/[id]/cast-roles";

export const metadata: Metadata = { title: "Characters" };

const COLUMNS: AdminColumn[] = [{ label: "Character" }, { label: "Movie" }, { label: "Role" }, { label: "Actors" }, { label: "Updated" }, { label: "Links", srOnly: true }];

export default async function AdminCharactersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireEditor();
  const search = await searchParams;
  const params = parseAdminCharactersParams(search);
  const list = await listAdminCharacters(params);
  const filtered = Boolean(params.q || params.withoutActor);
  const from = (list.page - 1) * ADMIN_PAGE_SIZE + 1;
  const deleted = first(search.deleted)?.slice(0, 120);
  // eslint-disable-next-line react-hooks/purity -- a server component renders once per request: "now" is that request's time
  const now = Date.now();
  const order = params.q ? "by name" : "newest first";
  const summary =
    list.total === 0
      ? "No characters match."
      : `${list.totalIsCapped ? `More than ${formatNumber(list.total)} characters` : plural(list.total, "character")}, ${order}${
          list.pageCount > 1 ? ` · ${formatNumber(from)}–${formatNumber(from + list.rows.length - 1)} shown` : ""
        }`;

  return (
    <>
      <AdminHeader
        title="Characters"
        description={summary}
        actions={
          <ButtonLink href="/admin/characters/new">
            <Plus aria-hidden className="size-4" /> New character
          </ButtonLink>
        }
      />
      <DeletedNotice name={deleted} />

      <ListToolbar action="/admin/characters" q={params.q} placeholder="Search character names">
        <ToolbarSelect
          name="actor"
          label="Actors"
          value={params.withoutActor ? "none" : ""}
          options={[
            { value: "", label: "Any" },
            { value: "none", label: "Without an actor" },
          ]}
        />
      </ListToolbar>

      <AdminTable
        caption="Characters"
        columns={COLUMNS}
        rows={list.rows}
        empty={
          <ListEmpty
            filtered={filtered}
            noMatch="No characters match."
            clear={{ href: "/admin/characters", label: "Show all characters" }}
            none="No characters yet."
            start={{ href: "/admin/characters/new", label: "Create the first one" }}
          />
        }
      >
        {(c) => {
          return (
            <tr key={c.id} className="align-middle" data-testid="character-row">
              <td className="min-w-44 max-w-72">
                <Link href={`/admin/characters/${c.id}`} className="font-medium hover:text-accent hover:underline">
                  {c.name}
                </Link>
              </td>
              <td className="min-w-44 max-w-72">
                <Link href={`/admin/movies/${c.movie.id}`} className="hover:text-accent hover:underline">
                  {c.movie.title}
                </Link>
                {c.movie.year ? <span className="ml-1.5 text-muted">{c.movie.year}</span> : null}
              </td>
              <td className="whitespace-nowrap text-muted">{roleLabel(c.role) ?? "—"}</td>
              <td className="min-w-44">
                {c.actors.length === 0 ? (
                  <span className="text-red-700 dark:text-red-300">no actor</span>
                ) : (
                  <>
                    {c.actors.map((a, i) => (
                      <span key={a.id}>
                        {i > 0 ? ", " : ""}
                        <Link href={`/admin/people/${a.id}`} className="hover:text-accent hover:underline">
                          {a.name}
                        </Link>
                      </span>
                    ))}
                    {c.actorCount > c.actors.length ? <span className="text-muted"> +{c.actorCount - c.actors.length} more</span> : null}
                  </>
                )}
              </td>
              <EditedCell at={c.updatedAt} now={now} />
              <RowLinks editHref={`/admin/characters/${c.id}`} viewHref={characterHref(c)} name={c.name} />
            </tr>
          );
        }}
      </AdminTable>
      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(page) => adminCharactersHref({ ...params, page })} label="Character pages" />
    </>
  );
}
