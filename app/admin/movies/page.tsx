import type { Metadata } from "next";
import Link from "next/link";
import { ImageOff } from "@/components/ui/icons/image-off";
import { Plus } from "@/components/ui/icons/plus";
import { type AdminColumn, AdminHeader, AdminTable, DeletedNotice, ListEmpty, ButtonLink, ListToolbar, RowLinks, ToolbarSelect, EditedCell } from "@/components/admin/kit";
import { Pagination } from "@/components/ui/pagination";
import { getMovieFormOptions } from "@/db/queries/admin/movies/form";
import { listAdminMovies } from "@/db/queries/admin/movies/list";
import { formatNumber, plural } from "@/lib/format";
import { requireEditor } from "@/lib/session";
import { movieHref } from "@/lib/slug";
import { ADMIN_MOVIES_PAGE_SIZE, adminMovieListHref, parseAdminMovieListParams } from "@/lib/validation/admin/movie";

export const metadata: Metadata = { title: "Movies" };

const COLUMNS: AdminColumn[] = [
  { label: "Poster", srOnly: true },
  { label: "Title" },
  { label: "Director" },
  { label: "Country" },
  { label: "Genres" },
  { label: "Updated" },
  { label: "Links", srOnly: true },
];

const SORT_OPTIONS = [
  { value: "updated", label: "Recently edited" },
  { value: "title", label: "Title A–Z" },
  { value: "release", label: "Newest release" },
];


const inputClass =
  "h-10 rounded-lg border border-border bg-surface px-3 text-sm text-foreground focus:border-accent focus:outline-none focus:ring-2 focus:ring-ring/40";

export default async function AdminMoviesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireEditor();
  const search = await searchParams;
  const params = parseAdminMovieListParams(search);
  const [list, options] = await Promise.all([listAdminMovies(params), getMovieFormOptions()]);
  const filtered = Boolean(params.q || params.genreId || params.countryId || params.year || params.missing.length);
  const first = (list.page - 1) * ADMIN_MOVIES_PAGE_SIZE + 1;
  const deleted = typeof search.deleted === "string" ? search.deleted.slice(0, 120) : null;
  // eslint-disable-next-line react-hooks/purity -- a server component renders once per request: "now" is that request's time
  const now = Date.now();

  return (
    <>
      <AdminHeader
        title="Movies"
        description={
          list.total === 0
            ? "No movies match."
            : `${list.totalIsCapped ? `More than ${formatNumber(list.total)} movies (narrow the search to see them all)` : plural(list.total, "movie")}${list.pageCount > 1 ? ` · ${formatNumber(first)}–${formatNumber(first + list.rows.length - 1)} shown` : ""}`
        }
        actions={
          <ButtonLink href="/admin/movies/new">
            <Plus aria-hidden className="size-4" /> New movie
          </ButtonLink>
        }
      />
      <DeletedNotice name={deleted} />

      <ListToolbar action="/admin/movies" q={params.q} placeholder="Search titles">
        <ToolbarSelect
          name="genre"
          label="Genre"
          value={params.genreId ? String(params.genreId) : ""}
          options={[{ value: "", label: "All genres" }, ...options.genres.map((g) => ({ value: String(g.id), label: g.name }))]}
        />
        <ToolbarSelect
          name="country"
          label="Country"
          value={params.countryId ? String(params.countryId) : ""}
          options={[{ value: "", label: "All countries" }, ...options.countries.map((c) => ({ value: String(c.id), label: c.name }))]}
        />
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          Year
          <input type="number" name="year" min={1870} max={2100} inputMode="numeric" defaultValue={params.year ?? ""} placeholder="Any" className={`${inputClass} w-24`} />
        </label>
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-xs font-medium text-muted">Missing</legend>
          <div className="flex h-10 items-center gap-3 text-sm">
            <label className="flex items-center gap-1.5">
              <input type="checkbox" name="missing" value="poster" defaultChecked={params.missing.includes("poster")} className="size-4 accent-[var(--accent)]" /> Poster
            </label>
            <label className="flex items-center gap-1.5">
              <input type="checkbox" name="missing" value="genres" defaultChecked={params.missing.includes("genres")} className="size-4 accent-[var(--accent)]" /> Genres
            </label>
          </div>
        </fieldset>
        <ToolbarSelect name="sort" label="Sort" value={params.sort} options={SORT_OPTIONS} />
      </ListToolbar>

      <AdminTable
        caption="Movies"
        columns={COLUMNS}
        rows={list.rows}
        empty={
          <ListEmpty
            filtered={filtered}
            noMatch="No movies match these filters."
            clear={{ href: "/admin/movies", label: "Show all movies" }}
            none="No movies yet."
            start={{ href: "/admin/movies/new", label: "Create the first one" }}
          />
        }
      >
        {(m) => (
          <tr key={m.id} className="align-middle" data-testid="movie-row">
            <td className="w-14 !py-1.5">
              {m.posterUrl ? (
                // A fixed box: an img with max-width: 100% collapses in an auto-width table cell.
                <span className="block h-12 w-8 overflow-hidden rounded-sm border border-border bg-surface-muted">
                  {/* A plain img: private posters are served only with the editor's cookie, which the image optimizer lacks. */}
                  {/* eslint-disable-next-line @next/next/no-img-element */}
                  <img src={m.posterUrl} alt="" loading="lazy" decoding="async" width={32} height={48} className="size-full object-cover" />
                </span>
              ) : (
                <span title="No poster" className="grid h-12 w-8 place-items-center rounded-sm border border-dashed border-border text-muted">
                  <ImageOff aria-hidden className="size-3.5" />
                  <span className="sr-only">No poster</span>
                </span>
              )}
            </td>
            <td className="min-w-48 max-w-72">
              <Link href={`/admin/movies/${m.id}`} className="font-medium hover:text-accent hover:underline">
                {m.title}
              </Link>
              {m.year ? <span className="ml-1.5 text-muted">{m.year}</span> : null}
            </td>
            <td className="min-w-32">{m.director ?? <span className="text-muted">—</span>}</td>
            <td className="min-w-24">{m.country ?? <span className="text-muted">—</span>}</td>
            <td className="min-w-36 text-muted">{m.genres.length ? m.genres.join(", ") : <span className="text-red-700 dark:text-red-300">none</span>}</td>
            <EditedCell at={m.updatedAt} now={now} />
            <RowLinks editHref={`/admin/movies/${m.id}`} viewHref={movieHref(m)} name={m.title} />
          </tr>
        )}
      </AdminTable>
      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(page) => adminMovieListHref({ ...params, page })} label="Movie pages" />
    </>
  );
}
