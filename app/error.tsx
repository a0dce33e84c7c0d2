"use client";

import Link from "next/link";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center px-4 py-24 text-center" role="alert" aria-live="assertive">
      <h1 className="text-3xl font-semibold tracking-tight">Something went wrong</h1>
      <p className="mt-3 text-muted">We could not load this page just now. Please try again in a moment.</p>
      <div className="mt-8 flex gap-3">
        <button
          type="button"
          onClick={reset}
          className="rounded-full bg-accent px-5 py-2.5 text-sm font-medium text-accent-foreground hover:bg-accent-strong"
        >
          Try again
        </button>
        <Link href="/" className="rounded-full border border-border px-5 py-2.5 text-sm font-medium hover:bg-surface-muted">
          Home
        </Link>
      </div>
    </div>
  );
}
