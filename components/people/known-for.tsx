import { PosterRail } from "@/components/movies/poster-rail";
import type { KnownForCredit } from "@/db/queries/people";

/** What the person did in the film, under its poster: "Vito Corleone", "Director", "Director, Kurtz". */
function creditNote(credit: KnownForCredit): string | null {
  const parts = [credit.directed ? "Director" : null, credit.characters.join(" / ") || null].filter(Boolean);
  return parts.join(", ") || null;
}

/**
 * "Known for": the person's best-known films in rank order (favorites, then leading roles and directing, then the
 * newest), as one row of posters with the part they had: a different thing from the complete, dated filmography.
 */
export function KnownFor({ credits, name }: { credits: KnownForCredit[]; name: string }) {
  if (credits.length === 0) return null;
  return (
    <section aria-labelledby="known-for" className="col-span-2 mt-6 lg:mt-12">
      <h2 id="known-for" className="mb-4 text-xl font-semibold tracking-tight">
        Known for
      </h2>
      {/* On a phone the first posters are often in view with the portrait: they load first. */}
      <PosterRail films={credits.map((c) => ({ ...c, note: creditNote(c) }))} label={`Films ${name} is best known for`} priorityCount={2} testId="known-for-film" />
    </section>
  );
}
