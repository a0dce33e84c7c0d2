import type { Metadata } from "next";
import Link from "next/link";
import { Download, Heart } from "lucide-react";
import { ImportFavoritesForm } from "@/components/favorites/import-form";
import { MovieGrid } from "@/components/movies/movie-grid";
import { Pagination } from "@/components/ui/pagination";
import { getFavoriteMovies, type FavoriteSort } from "@/db/queries/favorites";
import { plural } from "@/lib/format";
import { requireUser } from "@/lib/session";

export const metadata: Metadata = { title: "Your favorites", robots: { index: false } };

const SORTS: { value: FavoriteSort; label: string }[] = [
  { value: "added", label: "Date added" },
  { value: "title", label: "Title" },
  { value: "year", label: "Year" },
];

function first(v: string | string[] | undefined) {
  return Array.isArray(v) ? v[0] : v;
}

export default async function FavoritesPage({ searchParams }: PageProps<"/favorites">) {
  const viewer = await requireUser("/favorites");
  const params = await searchParams;
  const sort = (SORTS.find((s) => s.value === first(params.sort))?.value ?? "added") as FavoriteSort;
  const dir = first(params.dir) === "asc" ? "asc" : first(params.dir) === "desc" ? "desc" : sort === "title" ? "asc" : "desc";
  const requested = Number(first(params.page));
  const page = Number.isSafeInteger(requested) && requested >= 1 ? Math.min(requested, 100_000) : 1;
  const result = await getFavoriteMovies({ userId: viewer.id, sort, dir, page });
  const href = (p: Partial<{ sort: string; dir: string; page: number }>) => {
    const q = new URLSearchParams({ sort: p.sort ?? sort, dir: p.dir ?? dir });
    if ((p.page ?? 1) > 1) q.set("page", String(p.page));
    return `/favorites?${q}`;
  };
  return (
    <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6 lg:px-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">Your favorites</h1>
          <p className="mt-2 text-muted" data-testid="favorites-count">
            {plural(result.total, "film")}
          </p>
        </div>
        {result.total > 0 ? (
          <nav aria-label="Sort favorites" className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-muted">Sort by</span>
            {SORTS.map((s) => (
              <Link
                key={s.value}
                href={href({ sort: s.value, dir: s.value === sort ? (dir === "asc" ? "desc" : "asc") : s.value === "title" ? "asc" : "desc" })}
                aria-current={s.value === sort ? "true" : undefined}
                className={`rounded-full border px-3 py-1.5 ${s.value === sort ? "border-accent bg-accent/10 font-medium" : "border-border hover:bg-surface-muted"}`}
              >
                {s.label}
                {s.value === sort ? <span aria-label={dir === "asc" ? ", ascending" : ", descending"}>{dir === "asc" ? " ↑" : " ↓"}</span> : null}
              </Link>
            ))}
          </nav>
        ) : null}
      </div>

      <div className="mt-8">
        {result.total === 0 ? (
          <div className="rounded-xl border border-dashed border-border p-10 text-center">
            <Heart aria-hidden className="mx-auto size-10 text-muted" />
            <h2 className="mt-3 text-lg font-semibold">No favorites yet</h2>
            <p className="mt-1 text-muted">Press the heart on any film to keep it here.</p>
            <Link href="/movies" className="mt-5 inline-flex rounded-full bg-accent px-5 py-2.5 text-sm font-semibold text-accent-foreground hover:bg-accent-strong">
              Browse films
            </Link>
          </div>
        ) : (
          <>
            <MovieGrid movies={result.movies} />
            <Pagination page={Math.min(page, result.pageCount)} pageCount={result.pageCount} hrefFor={(p) => href({ page: p })} label="Favorites pages" />
          </>
        )}
      </div>

      <section aria-labelledby="csv-heading" className="mt-14 grid gap-6 border-t border-border pt-8 md:grid-cols-3">
        <div>
          <h2 id="csv-heading" className="text-lg font-semibold">
            Export and import
          </h2>
          <p className="mt-1 text-sm text-muted">A CSV with Letterboxd&apos;s columns, Title and Year.</p>
        </div>
        <div className="space-y-6 md:col-span-2">
          <a href="/favorites/export.csv" download className="inline-flex h-11 items-center gap-2 rounded-full border border-border bg-surface px-5 text-sm font-semibold hover:bg-surface-muted">
            <Download aria-hidden className="size-4" /> Download CSV
          </a>
          <ImportFavoritesForm />
        </div>
      </section>
    </div>
  );
}
