"use client";

import { useEffect, useRef, useState } from "react";
import { ArrowDown } from "@/components/ui/icons/arrow-down";
import { ArrowUp } from "@/components/ui/icons/arrow-up";
import { Plus } from "@/components/ui/icons/plus";
import { Trash2 } from "@/components/ui/icons/trash-2";
import { EntityPicker } from "@/components/admin/entity-picker";
import { CHARACTER_ROLES, MOVIE_LIMITS } from "@/lib/validation/admin/movie";

/** One character of the grid: an existing one (id) or a new one (id null), with the actors picked for it. */
export type CastGridRow = { key: string; id: number | null; name: string; description: string; role: string; actors: { id: number; label: string }[] };

const ROLE_LABELS: Record<string, string> = { lead: "Lead", supporting: "Supporting", minor: "Minor" };

let nextKey = 0;
const newKey = () => `n${Date.now().toString(36)}${(nextKey++).toString(36)}`;

const inputClass =
  "block w-full rounded-lg border border-border bg-surface px-3 text-base shadow-sm placeholder:text-muted focus:border-accent focus:outline-none focus:ring-2 focus:ring-ring/40 aria-[invalid=true]:border-red-500 sm:text-sm";

/**
 * The cast of a movie: characters (name, role, description) each with one or more actors picked by autocomplete
 * (a missing person can be created inline). Add, remove and reorder rows here; nothing is written until the movie
 * form is saved, in one transaction with the movie, which stores each row's place (character_.position; the public
 * page lists leads, then supporting, then minor roles, each group in this order). Every row posts `cast_row` = its
 * key and `cast_<key>_<field>`, in the grid's order.
 */
export function CastGrid({ initialRows, errors = {} }: { initialRows: CastGridRow[]; errors?: Record<string, string> }) {
  const [rows, setRows] = useState(initialRows);
  const [announcement, setAnnouncement] = useState("");
  const focusKey = useRef<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const full = rows.length >= MOVIE_LIMITS.castRows;

  useEffect(() => {
    if (!focusKey.current) return;
    document.getElementById(`cast-${focusKey.current}-name`)?.focus();
    focusKey.current = null;
  }, [rows]);

  function add() {
    const key = newKey();
    focusKey.current = key;
    setRows((current) => [...current, { key, id: null, name: "", description: "", role: "", actors: [] }]);
    setAnnouncement(`Character ${rows.length + 1} added.`);
  }

  function remove(index: number) {
    const row = rows[index];
    const name = (document.getElementById(`cast-${row.key}-name`) as HTMLInputElement | null)?.value.trim() || `Character ${index + 1}`;
    const next = rows.filter((_, i) => i !== index);
    setRows(next);
    setAnnouncement(row.id ? `${name} removed; it is deleted with its castings when you save.` : `${name} removed.`);
    const neighbour = next[index] ?? next[index - 1];
    if (neighbour) focusKey.current = neighbour.key;
    else addButton.current?.focus();
  }

  function move(index: number, delta: -1 | 1) {
    const target = index + delta;
    if (target < 0 || target >= rows.length) return;
    const next = [...rows];
    [next[index], next[target]] = [next[target], next[index]];
    setRows(next);
    const name = (document.getElementById(`cast-${rows[index].key}-name`) as HTMLInputElement | null)?.value.trim() || `Character ${index + 1}`;
    setAnnouncement(`${name} moved to position ${target + 1} of ${rows.length}.`);
    // Keep focus on the same button of the moved row, or on its other arrow when this one is now disabled.
    const edge = target === 0 || target === rows.length - 1;
    requestAnimationFrame(() => document.getElementById(`cast-${rows[index].key}-${edge ? (delta < 0 ? "down" : "up") : delta < 0 ? "up" : "down"}`)?.focus());
  }

  return (
    <div className="space-y-3" data-testid="cast-grid">
      <input type="hidden" name="cast_present" value="1" />
      {errors.cast ? <p className="text-sm text-red-600 dark:text-red-400">{errors.cast}</p> : null}
      {rows.length === 0 ? <p className="rounded-lg border border-dashed border-border px-4 py-6 text-center text-sm text-muted">No characters yet.</p> : null}
      <ol className="space-y-3">
        {rows.map((row, i) => {
          const error = (field: string) => errors[`cast.${i}.${field}`];
          const nameId = `cast-${row.key}-name`;
          const roleId = `cast-${row.key}-role`;
          const descriptionId = `cast-${row.key}-description`;
          const unknownRole = row.role && !(CHARACTER_ROLES as readonly string[]).includes(row.role);
          return (
            <li key={row.key} className="rounded-xl border border-border bg-surface p-4" data-testid="cast-row" aria-labelledby={`cast-${row.key}-heading`}>
              <input type="hidden" name="cast_row" value={row.key} />
              <input type="hidden" name={`cast_${row.key}_id`} value={row.id ?? ""} />
              <div className="mb-3 flex items-center justify-between gap-3">
                <h3 id={`cast-${row.key}-heading`} className="text-xs font-semibold uppercase tracking-wide text-muted">
                  Character {i + 1}
                  {row.id ? null : <span className="ml-2 rounded-full bg-accent/15 px-2 py-0.5 normal-case tracking-normal text-accent">new</span>}
                </h3>
                <div className="flex items-center gap-1">
                <button
                  type="button"
                  id={`cast-${row.key}-up`}
                  onClick={() => move(i, -1)}
                  disabled={i === 0}
                  className="inline-flex size-9 items-center justify-center rounded-full text-muted hover:bg-surface-muted hover:text-foreground disabled:opacity-30"
                >
                  <ArrowUp aria-hidden className="size-4" />
                  <span className="sr-only">Move character {i + 1} up</span>
                </button>
                <button
                  type="button"
                  id={`cast-${row.key}-down`}
                  onClick={() => move(i, 1)}
                  disabled={i === rows.length - 1}
                  className="inline-flex size-9 items-center justify-center rounded-full text-muted hover:bg-surface-muted hover:text-foreground disabled:opacity-30"
                >
                  <ArrowDown aria-hidden className="size-4" />
                  <span className="sr-only">Move character {i + 1} down</span>
                </button>
                <button
                  type="button"
                  onClick={() => remove(i)}
                  className="inline-flex h-9 items-center gap-1.5 rounded-full px-3 text-sm font-medium text-red-700 hover:bg-red-500/10 dark:text-red-300"
                >
                  <Trash2 aria-hidden className="size-4" />
                  Remove<span className="sr-only"> character {i + 1}</span>
                </button>
                </div>
              </div>
              <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_11rem]">
                <div className="space-y-1.5">
                  <label htmlFor={nameId} className="block text-sm font-medium">
                    Name <span aria-hidden className="text-muted">*</span>
                  </label>
                  <input
                    id={nameId}
                    name={`cast_${row.key}_name`}
                    defaultValue={row.name}
                    required
                    maxLength={MOVIE_LIMITS.characterName}
                    aria-invalid={error("name") ? true : undefined}
                    aria-describedby={error("name") ? `${nameId}-error` : undefined}
                    className={`${inputClass} h-11`}
                  />
                  {error("name") ? (
                    <p id={`${nameId}-error`} className="text-sm text-red-600 dark:text-red-400">
                      {error("name")}
                    </p>
                  ) : null}
                </div>
                <div className="space-y-1.5">
                  <label htmlFor={roleId} className="block text-sm font-medium">
                    Role
                  </label>
                  <select
                    id={roleId}
                    name={`cast_${row.key}_role`}
                    defaultValue={row.role}
                    aria-invalid={error("role") ? true : undefined}
                    aria-describedby={error("role") ? `${roleId}-error` : undefined}
                    className={`${inputClass} h-11`}
                  >
                    <option value="">Not set</option>
                    {CHARACTER_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                    {unknownRole ? <option value={row.role}>{row.role}</option> : null}
                  </select>
                  {error("role") ? (
                    <p id={`${roleId}-error`} className="text-sm text-red-600 dark:text-red-400">
                      {error("role")}
                    </p>
                  ) : null}
                </div>
                <div className="sm:col-span-2">
                  <EntityPicker
                    kind="person"
                    name={`cast_${row.key}_actors`}
                    id={`cast-${row.key}-actors`}
                    label="Played by"
                    multiple
                    allowCreate
                    defaultValue={row.actors}
                    error={error("actor_ids")}
                  />
                </div>
                <div className="space-y-1.5 sm:col-span-2">
                  <label htmlFor={descriptionId} className="block text-sm font-medium">
                    Description
                  </label>
                  <textarea
                    id={descriptionId}
                    name={`cast_${row.key}_description`}
                    defaultValue={row.description}
                    rows={2}
                    maxLength={MOVIE_LIMITS.characterDescription}
                    aria-invalid={error("description") ? true : undefined}
                    aria-describedby={error("description") ? `${descriptionId}-error` : undefined}
                    className={`${inputClass} py-2`}
                  />
                  {error("description") ? (
                    <p id={`${descriptionId}-error`} className="text-sm text-red-600 dark:text-red-400">
                      {error("description")}
                    </p>
                  ) : null}
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      <button
        ref={addButton}
        type="button"
        onClick={add}
        disabled={full}
        className="inline-flex h-10 items-center gap-2 rounded-full border border-border bg-surface px-4 text-sm font-semibold hover:bg-surface-muted disabled:opacity-60"
      >
        <Plus aria-hidden className="size-4" /> Add character
      </button>
      {full ? <p className="text-xs text-muted">At most {MOVIE_LIMITS.castRows} characters here; add more from Characters.</p> : null}
      <div aria-live="polite" className="sr-only">
        {announcement}
      </div>
    </div>
  );
}
