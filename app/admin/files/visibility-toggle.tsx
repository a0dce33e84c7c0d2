"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import type { VisibilityState } from "./actions";

type Props = {
  action: (previous: VisibilityState, formData: FormData) => Promise<VisibilityState>;
  id: number;
  fileName: string;
  isPublic: boolean;
};

function Switch({ isPublic, fileName }: { isPublic: boolean; fileName: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      role="switch"
      aria-checked={isPublic}
      aria-label={`Public: ${fileName}`}
      disabled={pending}
      className="group inline-flex items-center gap-2 rounded-full py-1 pr-1 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:opacity-60"
    >
      <span aria-hidden className={`relative inline-flex h-5 w-9 shrink-0 rounded-full transition-colors ${isPublic ? "bg-accent" : "bg-border"}`}>
        <span className={`absolute top-0.5 size-4 rounded-full bg-white shadow transition-transform ${isPublic ? "translate-x-4.5" : "translate-x-0.5"}`} />
      </span>
      <span className={isPublic ? "" : "text-muted"}>{isPublic ? "Public" : "Private"}</span>
    </button>
  );
}

/**
 * The is_public switch of one file: submits the opposite of the current value. A refusal (the file is a poster or
 * a person's photo) says why and lists where, under the switch.
 */
export function VisibilityToggle({ action, id, fileName, isPublic }: Props) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="min-w-28">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="is_public" value={String(!isPublic)} />
      <Switch isPublic={isPublic} fileName={fileName} />
      <div aria-live="polite" role="status">
        {state.message && !state.ok ? (
          <div className="mt-1.5 w-48 whitespace-normal rounded-lg bg-red-500/10 px-2.5 py-2 text-xs text-red-700 dark:text-red-300" data-testid="visibility-refusal">
            <p>{state.message}</p>
            {state.references?.length ? (
              <ul className="mt-1 list-disc pl-4">
                {state.references.map((ref, i) => (
                  <li key={i}>
                    {ref.href ? (
                      <Link href={ref.href} className="underline underline-offset-2">
                        {ref.label}
                      </Link>
                    ) : (
                      ref.label
                    )}
                  </li>
                ))}
                {(state.referenceCount ?? 0) > state.references.length ? <li>and {state.referenceCount! - state.references.length} more</li> : null}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </form>
  );
}
