"use client";

import { useFormStatus } from "react-dom";
import { LoaderCircle } from "@/components/ui/icons/loader-circle";

type FieldProps = {
  name: string;
  label: string;
  type?: string;
  defaultValue?: string;
  error?: string;
  hint?: string;
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
  inputMode?: React.HTMLAttributes<HTMLInputElement>["inputMode"];
};

/** A labelled input whose error and hint are linked with aria-describedby. */
export function Field({ name, label, type = "text", defaultValue, error, hint, autoComplete, required, maxLength, inputMode }: FieldProps) {
  const id = `field-${name}`;
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        required={required}
        maxLength={maxLength}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="block h-11 w-full rounded-lg border border-border bg-surface px-3 text-base shadow-sm placeholder:text-muted focus:border-accent focus:outline-none focus:ring-2 focus:ring-ring/40 aria-[invalid=true]:border-red-500"
      />
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
    </div>
  );
}

/** The one submit button: disabled with a spinner while its form is submitting. */
export function SubmitButton({ children, variant = "primary" }: { children: React.ReactNode; variant?: "primary" | "danger" | "secondary" }) {
  const { pending } = useFormStatus();
  const styles = {
    primary: "bg-accent text-accent-foreground hover:bg-accent-strong",
    danger: "bg-red-600 text-white hover:bg-red-700",
    secondary: "border border-border bg-surface hover:bg-surface-muted",
  }[variant];
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`inline-flex h-11 items-center justify-center gap-2 rounded-full px-6 text-sm font-semibold transition disabled:opacity-70 ${styles}`}
    >
      {pending ? <LoaderCircle aria-hidden className="size-4 animate-spin" /> : null}
      {children}
    </button>
  );
}

/** The form's outcome, announced to screen readers. */
export function FormMessage({ message, ok }: { message?: string; ok?: boolean }) {
  return (
    <div aria-live="polite" role="status" className="min-h-0">
      {message ? (
        <p
          className={`rounded-lg px-4 py-3 text-sm ${ok ? "bg-emerald-500/10 text-emerald-700 dark:text-emerald-300" : "bg-red-500/10 text-red-700 dark:text-red-300"}`}
          data-testid="form-message"
        >
          {message}
        </p>
      ) : null}
    </div>
  );
}
