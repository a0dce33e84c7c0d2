import { CircleCheck } from "@/components/ui/icons/circle-check";

/** The outcome of an action that ended on another page (created, merged, deleted), announced politely. */
export function Notice({ children }: { children: React.ReactNode }) {
  return (
    <div role="status" data-testid="admin-notice" className="mb-6 flex items-start gap-2 rounded-lg bg-emerald-500/10 px-4 py-3 text-sm text-emerald-800 dark:text-emerald-200">
      <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0" />
      <p>{children}</p>
    </div>
  );
}
