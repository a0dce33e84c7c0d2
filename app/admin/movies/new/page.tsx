import type { Metadata } from "next";
import Link from "next/link";
import { AdminHeader } from "@/components/admin/kit";
import { MovieForm } from "@/components/admin/movie-form";
import { getMovieFormOptions } from "@/db/queries/admin/movies/form";
import { requireEditor } from "@/lib/session";

export const metadata: Metadata = { title: "New movie" };

export default async function NewMoviePage() {
  await requireEditor();
  const { genres } = await getMovieFormOptions();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-muted">
        <Link href="/admin/movies" className="hover:text-foreground hover:underline">
          Movies
        </Link>{" "}
        / New
      </nav>
      <AdminHeader title="New movie" description="Fill in what you know; everything but the title can be added later." />
      <MovieForm initial={{ cast_json: "[]" }} genres={genres} />
    </>
  );
}
