"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState } from "react";
import { createCharacterAction, deleteCharacterAction, updateCharacterAction, type CharacterSaveState } from "@/app/admin/characters/actions";
import { ConflictNotice } from "@/components/admin/conflict-notice";
import { DeleteButton } from "@/components/admin/delete-button";
import { EntityPicker } from "@/components/admin/entity-picker";
import { FormSection } from "@/components/admin/kit";
import { revealOutcome, SelectField, TextAreaField } from "@/components/admin/person-form";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import type { CharacterForEdit, Picked } from "@/db/queries/admin/characters";
import { CHARACTER_LIMITS, CHARACTER_ROLE_OPTIONS } from "@/lib/validation/admin/character";

function roleOptions(current: string | null | undefined) {
  const options: { value: string; label: string }[] = [{ value: "", label: "Not set (other roles)" }, ...CHARACTER_ROLE_OPTIONS];
  if (current && !options.some((o) => o.value === current)) options.push({ value: current, label: current });
  return options;
}

type Props = {
  /** The saved character (edit), or nothing (create), optionally in a given movie. */
  character?: CharacterForEdit;
  movie?: Picked | null;
};

/**
 * Every field of a character: name, description, billing role, its movie and its actors (several; a missing
 * person can be created from the picker). Edit carries the id and the version it loaded; a refused save keeps
 * everything typed and chosen.
 */
export function CharacterForm({ character, movie }: Props) {
  const editing = Boolean(character);
  const [version, setVersion] = useState(character?.version ?? "");
  const [state, formAction] = useActionState<CharacterSaveState, FormData>(async (previous, formData) => {
    const next = await (editing ? updateCharacterAction : createCharacterAction)(previous, formData);
    if (next.savedVersion) setVersion(next.savedVersion);
    if (next.conflict) setVersion(next.conflict.version);
    return next;
  }, {});
  const v = state.values;
  const e = state.fieldErrors ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => revealOutcome(formRef.current, state), [state]);
  const initialMovie = character?.movie ?? movie ?? null;
  // The options keep a role the catalogue already has even when it is not one of the three billing groups.
  const [roles] = useState(() => roleOptions(character?.role));

  return (
    <form ref={formRef} action={formAction} noValidate aria-label={editing ? "Edit character" : "New character"} className="max-w-5xl">
      {state.conflict ? <ConflictNotice conflict={state.conflict} typed={v} /> : null}
      {/* The conflict notice says it all (as an alert); other outcomes are announced here. */}
      <div className="mb-6">
        <FormMessage message={state.conflict ? undefined : state.message} ok={state.ok} />
      </div>
      {character ? (
        <>
          <input type="hidden" name="id" value={character.id} />
          <input type="hidden" name="version" value={version} />
        </>
      ) : null}

      <FormSection id="character-identity" title="Character" description="The name as the credits give it, and how big the part is.">
        <Field name="name" label="Name" defaultValue={v?.name ?? character?.name ?? ""} error={e.name} required maxLength={CHARACTER_LIMITS.name} hint="Required." autoComplete="off" />
        <SelectField name="role" label="Role" defaultValue={v?.role ?? character?.role ?? ""} options={roles} error={e.role} hint="Lead, supporting and minor roles are listed in that order on the film's page." />
        <TextAreaField
          name="description"
          label="Description"
          defaultValue={v?.description ?? character?.description ?? ""}
          error={e.description}
          maxLength={CHARACTER_LIMITS.description}
          rows={5}
          hint={`Up to ${CHARACTER_LIMITS.description.toLocaleString("en-US")} characters.`}
        />
      </FormSection>

      <FormSection id="character-casting" title="Film and actors" description="Several actors can share a character (ages, recastings). Type a name that is not in the catalogue to create the person.">
        <EntityPicker kind="movie" name="movie_id" label="Movie" defaultValue={initialMovie ? [initialMovie] : []} error={e.movie_id} required />
        <EntityPicker kind="person" name="actor_ids" label="Actors" multiple allowCreate defaultValue={character?.actors ?? []} error={e.actor_ids} hint={`Up to ${CHARACTER_LIMITS.actors}, in billing order.`} />
      </FormSection>

      <div className="flex flex-wrap items-center gap-3 border-t border-border pt-6">
        <SubmitButton>{editing ? "Save changes" : "Create character"}</SubmitButton>
        <Link href="/admin/characters" className="inline-flex h-11 items-center rounded-full px-4 text-sm font-medium text-muted hover:bg-surface-muted hover:text-foreground">
          {editing ? "Back to characters" : "Cancel"}
        </Link>
      </div>
    </form>
  );
}

/** Delete, with the confirm dialog: asks again when the character's actor links would go with it. */
export function CharacterDeleteButton({ id, name }: { id: number; name: string }) {
  return <DeleteButton action={deleteCharacterAction} id={id} what={`the character ${name}`} />;
}
