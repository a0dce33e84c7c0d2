"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState } from "react";
import { createPersonAction, deletePersonAction, updatePersonAction, type GalleryState, type PersonSaveState } from "@/app/admin/people/actions";
import { ConflictNotice } from "@/components/admin/conflict-notice";
import { DeleteButton } from "@/components/admin/delete-button";
import { EntityPicker } from "@/components/admin/entity-picker";
import { ImageUpload } from "@/components/admin/image-upload";
import { FormSection } from "@/components/admin/kit";
import { PersonGallery } from "@/components/admin/person-gallery";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import type { PersonForEdit, PhotoRef } from "@/db/queries/admin/people/form";
import { loadedLines, withLine } from "@/lib/conflict";
import { personConflictRows } from "@/lib/person-conflict";
import { EARLIEST_DATE, GENDER_LABELS, GENDERS, PERSON_LIMITS } from "@/lib/validation/admin/person";

const controlStyles =
  "block w-full rounded-lg border border-border bg-surface px-3 text-base shadow-sm placeholder:text-muted focus:border-accent focus:outline-none focus:ring-2 focus:ring-ring/40 aria-[invalid=true]:border-red-500 sm:text-sm";

function describedBy(id: string, error?: string, hint?: string) {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
}

function HintAndError({ id, error, hint }: { id: string; error?: string; hint?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** A labelled multi-line field (biography, description) with its error and hint linked like Field's. */
export function TextAreaField({ name, label, defaultValue, error, hint, maxLength, rows = 6 }: { name: string; label: string; defaultValue?: string; error?: string; hint?: string; maxLength?: number; rows?: number }) {
  const id = `field-${name}`;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={`${controlStyles} min-h-24 py-2 leading-relaxed`}
      />
      <HintAndError id={id} error={error} hint={hint} />
    </div>
  );
}

/** A labelled native select. */
export function SelectField({ name, label, defaultValue, options, error, hint }: { name: string; label: string; defaultValue?: string; options: { value: string; label: string }[]; error?: string; hint?: string }) {
  const id = `field-${name}`;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue ?? ""} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} className={`${controlStyles} h-11`}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <HintAndError id={id} error={error} hint={hint} />
    </div>
  );
}

/**
 * After a refused save the news is at the top of a long form while the editor is at its bottom: bring the
 * conflict notice into view, or focus the first field in error, or show the message.
 */
export function revealOutcome(form: HTMLFormElement | null, state: { ok?: boolean; message?: string; conflict?: unknown; fieldErrors?: Record<string, string> }) {
  if (!form || state.ok || !state.message) return;
  const notice = form.querySelector<HTMLElement>('[data-testid="conflict-notice"]');
  // Below the sticky site header.
  // Nothing is returned: an effect calls this, and Chromium's scroll methods now return a promise, which React would
  // keep as the effect's cleanup and call on the next answer ("not a function").
  if (state.conflict && notice) {
    window.scrollTo({ top: notice.getBoundingClientRect().top + window.scrollY - 96, behavior: "smooth" });
    return;
  }
  const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (invalid) {
    invalid.focus();
    return;
  }
  form.querySelector<HTMLElement>('[data-testid="form-message"]')?.scrollIntoView({ block: "center", behavior: "smooth" });
}

function genderOptions(current: string | null | undefined) {
  const options = [{ value: "", label: "Not recorded" }, ...GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))];
  if (current && !(GENDERS as readonly string[]).includes(current)) options.push({ value: current, label: current });
  return options;
}

type Initial = Pick<PersonForEdit, "first_name" | "last_name" | "biography" | "gender" | "date_of_birth" | "date_of_death" | "country">;

type PersonFormProps = {
  /** The saved person (edit) or nothing (create). */
  person?: Initial & { id: number };
  /** Edit: the version this form saves over (the editor's state). */
  version?: string;
  mainPhoto?: PhotoRef | null;
  onSaved?: (saved: NonNullable<PersonSaveState["saved"]>) => void;
  onConflict?: (conflict: NonNullable<PersonSaveState["conflict"]>) => void;
  /** Edit: the lines of the version this form saves over (lib/conflict.ts), for a conflict to list what changed. */
  loaded?: string;
};

/**
 * Every field of a person. Create posts createPersonAction (then the edit page opens); edit posts
 * updatePersonAction with the hidden id and version. A refused save keeps everything typed (the pickers and the
 * photo keep their own choices; text fields come back through state.values).
 */
export function PersonForm({ person, version, loaded, mainPhoto = null, onSaved, onConflict }: PersonFormProps) {
  const editing = Boolean(person);
  const [state, formAction] = useActionState<PersonSaveState, FormData>(async (previous, formData) => {
    const next = await (editing ? updatePersonAction : createPersonAction)(previous, formData);
    if (next.saved) onSaved?.(next.saved);
    if (next.conflict) onConflict?.(next.conflict);
    return next;
  }, {});
  const v = state.values;
  const e = state.fieldErrors ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    revealOutcome(formRef.current, state);
  }, [state]);
  const value = (field: keyof Initial) => v?.[field] ?? (person?.[field] as string | null | undefined) ?? "";

  return (
    <form ref={formRef} action={formAction} noValidate aria-label={editing ? "Edit person" : "New person"} className="max-w-5xl">
      {state.conflict ? <ConflictNotice conflict={state.conflict} typed={v} /> : null}
      {/* The conflict notice says it all (as an alert); other outcomes are announced here. */}
      <div className="mb-6">
        <FormMessage message={state.conflict ? undefined : state.message} ok={state.ok} />
      </div>
      {person ? (
        <>
          <input type="hidden" name="id" value={person.id} />
          <input type="hidden" name="version" value={version ?? ""} />
          <input type="hidden" name="loaded" value={loaded ?? ""} />
        </>
      ) : null}

      <FormSection id="person-name" title="Name" description="A person known by one name has only a first name.">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="first_name" label="First name" defaultValue={value("first_name")} error={e.first_name} required maxLength={PERSON_LIMITS.first_name} hint="Required." autoComplete="off" />
          <Field name="last_name" label="Last name" defaultValue={value("last_name")} error={e.last_name} maxLength={PERSON_LIMITS.last_name} autoComplete="off" />
        </div>
      </FormSection>

      <FormSection id="person-life" title="Life" description="Dates as they are known; leave them empty when not.">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="date_of_birth" label="Date of birth" type="date" defaultValue={value("date_of_birth")} error={e.date_of_birth} hint={`From ${EARLIEST_DATE.slice(0, 4)} to today.`} />
          <Field name="date_of_death" label="Date of death" type="date" defaultValue={value("date_of_death")} error={e.date_of_death} hint="Empty while the person is alive." />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField name="gender" label="Gender" defaultValue={value("gender")} options={genderOptions(person?.gender)} error={e.gender} />
          <EntityPicker kind="country" name="country_id" label="Country" defaultValue={person?.country ? [person.country] : []} error={e.country_id} hint="Where the person comes from." />
        </div>
      </FormSection>

      <FormSection id="person-biography" title="Biography" description="Shown on the public page; plain text, paragraphs separated by blank lines.">
        <TextAreaField
          name="biography"
          label="Biography"
          defaultValue={value("biography")}
          error={e.biography}
          maxLength={PERSON_LIMITS.biography}
          rows={8}
          hint={`Up to ${PERSON_LIMITS.biography.toLocaleString("en-US")} characters.`}
        />
      </FormSection>

      <FormSection id="person-photo" title="Main photo" description="The portrait on the person's page and cards. A gallery photo can also become the main photo.">
        <ImageUpload name="main_photo_id" label="Main photo" defaultValue={mainPhoto ? [mainPhoto] : []} error={e.main_photo_id} />
      </FormSection>

      <div className="flex flex-wrap items-center gap-3 border-t border-border pt-6">
        <SubmitButton>{editing ? "Save changes" : "Create person"}</SubmitButton>
        <Link href="/admin/people" className="inline-flex h-11 items-center rounded-full px-4 text-sm font-medium text-muted hover:bg-surface-muted hover:text-foreground">
          {editing ? "Back to people" : "Cancel"}
        </Link>
      </div>
    </form>
  );
}

/**
 * The edit page's form and gallery. They share the person's version and main photo: making a gallery photo the
 * main one changes the person row, so the form then saves over the new version (when it was the one it loaded:
 * an edit by someone else in between still meets the conflict notice) and shows the new main photo.
 */
export function PersonEditor({ person }: { person: PersonForEdit }) {
  // The form's starting values stay those it was opened with; the gallery below follows the server's refreshes.
  const [initial] = useState(person);
  // The version the form saves over, and its lines (lib/conflict.ts), moved together.
  const [base, setBase] = useState(() => ({
    version: person.version,
    loaded: loadedLines(personConflictRows({ ...person, country: person.country?.label ?? "", main_photo: person.mainPhoto?.file_name ?? "" })),
  }));
  const [mainPhoto, setMainPhoto] = useState<PhotoRef | null>(person.mainPhoto);

  function galleryChanged(change: GalleryState) {
    const moved = change.version;
    // This editor's own change of the main photo, over the version the form holds: the form now saves over it.
    if (moved) {
      setBase((current) =>
        moved.before !== current.version
          ? current
          : { version: moved.after, loaded: change.mainPhoto === undefined ? current.loaded : withLine(current.loaded, "main_photo", change.mainPhoto?.file_name ?? "") },
      );
    }
    if (change.mainPhoto !== undefined) setMainPhoto(change.mainPhoto);
  }

  return (
    <div className="space-y-10">
      <PersonForm
        person={initial}
        version={base.version}
        loaded={base.loaded}
        mainPhoto={mainPhoto}
        onSaved={(saved) => {
          setBase({ version: saved.version, loaded: saved.loaded });
          setMainPhoto(saved.mainPhoto);
        }}
        onConflict={(conflict) => setBase((current) => ({ version: conflict.version, loaded: conflict.loaded ?? current.loaded }))}
      />
      <PersonGallery personId={person.id} photos={person.gallery} total={person.galleryCount} mainPhotoId={mainPhoto?.id ?? null} onChange={galleryChanged} />
    </div>
  );
}

/** Delete, with the confirm dialog: refused with the person's films, or asks before the gallery goes too. */
export function PersonDeleteButton({ id, name }: { id: number; name: string }) {
  return <DeleteButton action={deletePersonAction} id={id} what={name} />;
}
