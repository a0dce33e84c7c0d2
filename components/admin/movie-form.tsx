"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { createMovieAction, deleteMovieAction, updateMovieAction } from "@/app/admin/movies/actions";
import { CastGrid, type CastGridRow } from "@/components/admin/cast-grid";
import { ConflictNotice } from "@/components/admin/conflict-notice";
import { DeleteButton } from "@/components/admin/delete-button";
import { EntityPicker } from "@/components/admin/entity-picker";
import { ImageUpload } from "@/components/admin/image-upload";
import { FormSection } from "@/components/admin/kit";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import type { SaveState } from "@/lib/admin-state";
import { MOVIE_LIMITS } from "@/lib/validation/admin/movie";

type Props = {
  /** The movie being edited; absent on "new movie". */
  movieId?: number;
  /**
   * The form's starting values, in the shape the actions send back (app/admin/movies/form-values.ts): text
   * fields, `director_json` / `country_json` / `poster_json` / `genre_ids_json` / `cast_json`, and `version`.
   */
  initial: Record<string, string>;
  genres: { id: number; name: string }[];
  /** More characters than the grid edits: the cast is left as it is and edited from Characters. */
  castTooLarge?: { count: number };
};

function parseJson<T>(text: string | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

const inputClass =
  "block w-full rounded-lg border border-border bg-surface px-3 py-2 text-base shadow-sm placeholder:text-muted focus:border-accent focus:outline-none focus:ring-2 focus:ring-ring/40 aria-[invalid=true]:border-red-500";

/**
 * Every field of a movie, its genres, poster and cast, saved in one transaction. After a refused save
 * (validation, someone else's newer version) the form comes back with everything that was typed or picked; on a
 * conflict it shows their values beside these and carries their version, so saving again overwrites knowingly.
 */
export function MovieForm({ movieId, initial, genres, castTooLarge }: Props) {
  const editing = movieId !== undefined;
  const [state, formAction] = useActionState<SaveState, FormData>(editing ? updateMovieAction : createMovieAction, {});
  // Each answer from the server re-creates the form from its values (React keeps defaultValue from the first render).
  const [seen, setSeen] = useState(state);
  const [generation, setGeneration] = useState(0);
  if (seen !== state) {
    setSeen(state);
    setGeneration(generation + 1);
  }
  const formRef = useRef<HTMLFormElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (generation === 0) return;
    if (state.conflict) conflictRef.current?.scrollIntoView({ block: "start" });
    else formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [generation, state.conflict]);

  const v = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  const version = state.conflict?.version ?? v.version ?? initial.version ?? "";
  const checkedGenres = new Set(parseJson<number[]>(v.genre_ids_json, []));
  const castRows = parseJson<CastGridRow[]>(v.cast_json, []);
  const castErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k === "cast" || k.startsWith("cast.")));

  return (
    <form key={generation} ref={formRef} action={formAction} noValidate className="pb-4" aria-label={editing ? "Edit movie" : "New movie"}>
      {state.conflict ? (
        <div ref={conflictRef} className="scroll-mt-24">
          <ConflictNotice conflict={state.conflict} typed={state.values} />
        </div>
      ) : null}
      {editing ? (
        <>
          <input type="hidden" name="id" value={movieId} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="loaded" value={v.loaded ?? initial.loaded ?? ""} />
        </>
      ) : null}

      <FormSection id="movie-film" title="Film" description="What the film page shows at the top. Only the title is required.">
        <Field name="title" label="Title" required maxLength={MOVIE_LIMITS.title} defaultValue={v.title ?? ""} error={errors.title} />
        <div className="grid gap-4 sm:grid-cols-3">
          <Field name="release_date" label="Release date" type="date" defaultValue={v.release_date ?? ""} error={errors.release_date} />
          <Field name="duration" label="Runtime (minutes)" inputMode="numeric" defaultValue={v.duration ?? ""} error={errors.duration} />
          <Field name="budget" label="Budget (US dollars)" inputMode="decimal" defaultValue={v.budget ?? ""} error={errors.budget} hint="e.g. 6500000" />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="field-description" className="block text-sm font-medium">
            Description
          </label>
          <textarea
            id="field-description"
            name="description"
            rows={5}
            maxLength={MOVIE_LIMITS.description}
            defaultValue={v.description ?? ""}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={errors.description ? "field-description-error" : undefined}
            className={inputClass}
          />
          {errors.description ? (
            <p id="field-description-error" className="text-sm text-red-600 dark:text-red-400">
              {errors.description}
            </p>
          ) : null}
        </div>
      </FormSection>

      <FormSection id="movie-credits" title="Director and country" description="Type a few letters to search. A director who is not in the catalogue yet can be created here.">
        <div className="grid gap-4 sm:grid-cols-2">
          <EntityPicker kind="person" name="director_id" label="Director" allowCreate defaultValue={parseJson(v.director_json, [])} error={errors.director_id} />
          <EntityPicker kind="country" name="country_id" label="Country" defaultValue={parseJson(v.country_json, [])} error={errors.country_id} />
        </div>
      </FormSection>

      <FormSection id="movie-poster" title="Poster" description="Shown on cards and on the film page.">
        <ImageUpload name="poster_id" label="Poster image" defaultValue={parseJson(v.poster_json, [])} error={errors.poster_id} />
      </FormSection>

      <FormSection id="movie-genres" title="Genres" description="Choose every genre that fits.">
        <fieldset aria-describedby={errors.genre_ids ? "genre-ids-error" : undefined}>
          <legend className="sr-only">Genres</legend>
          {genres.length === 0 ? <p className="text-sm text-muted">There are no genres yet: create them under Genres.</p> : null}
          <div className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3">
            {genres.map((g) => (
              <label key={g.id} className="flex min-h-10 cursor-pointer items-center gap-2.5 rounded-md px-2 text-sm hover:bg-surface-muted">
                <input type="checkbox" name="genre_ids" value={g.id} defaultChecked={checkedGenres.has(g.id)} className="size-4 accent-[var(--accent)]" />
                {g.name}
              </label>
            ))}
          </div>
          {errors.genre_ids ? (
            <p id="genre-ids-error" className="mt-2 text-sm text-red-600 dark:text-red-400">
              {errors.genre_ids}
            </p>
          ) : null}
        </fieldset>
      </FormSection>

      <FormSection id="movie-cast" title="Cast" description="Characters and who played them. Removing a character deletes it and its castings when you save.">
        {castTooLarge ? (
          <p className="rounded-lg border border-border bg-surface-muted px-4 py-3 text-sm">
            This film has {castTooLarge.count} characters, more than this form edits at once; edit them under Characters. Saving here leaves the cast as it is.
          </p>
        ) : (
          <CastGrid initialRows={castRows} errors={castErrors} />
        )}
      </FormSection>

      <div className="sticky bottom-0 z-20 -mx-4 flex flex-wrap items-center gap-3 border-t border-border bg-background/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-b-xl sm:px-0">
        <SubmitButton>{editing ? "Save changes" : "Create movie"}</SubmitButton>
        <div className="min-w-0 flex-1">
          {/* The conflict itself is explained above the form (and announced there). */}
          <FormMessage message={state.conflict ? "Not saved yet: someone else saved first (see above)." : state.message} ok={state.ok} />
        </div>
      </div>
    </form>
  );
}

/**
 * Delete with its confirm dialog (outside the movie form: the dialog holds a form of its own). The server answers
 * with what goes with the movie (characters, castings, favorites) and deletes only once that is confirmed.
 */
export function DeleteMovieButton({ movieId, title }: { movieId: number; title: string }) {
  return <DeleteButton action={deleteMovieAction} id={movieId} what={`“${title}”`} />;
}
