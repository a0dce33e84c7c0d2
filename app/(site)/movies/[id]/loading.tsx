/** Skeleton of the movie page: the hero (poster beside the facts, stacked on a phone), then cast cards. */
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading the film" className="animate-pulse">
      <div className="border-b border-border/70">
        <div className="mx-auto max-w-7xl px-4 pb-10 pt-6 sm:px-6 sm:pb-14 lg:px-8">
          <div className="h-4 w-40 rounded bg-surface-muted" />
          <div className="mt-6 grid gap-8 md:grid-cols-[240px_minmax(0,1fr)] lg:grid-cols-[300px_minmax(0,1fr)] lg:gap-12">
            <div className="mx-auto aspect-2/3 w-44 rounded-xl bg-surface-muted sm:w-56 md:mx-0 md:w-full" />
            <div>
              <div className="h-10 w-3/4 rounded bg-surface-muted sm:h-12" />
              <div className="mt-4 h-4 w-56 rounded bg-surface-muted" />
              <div className="mt-6 flex gap-2">
                <div className="h-8 w-20 rounded-full bg-surface-muted" />
                <div className="h-8 w-24 rounded-full bg-surface-muted" />
              </div>
              <div className="mt-7 max-w-3xl space-y-2.5">
                <div className="h-4 rounded bg-surface-muted" />
                <div className="h-4 rounded bg-surface-muted" />
                <div className="h-4 w-2/3 rounded bg-surface-muted" />
              </div>
              <div className="mt-8 grid max-w-3xl grid-cols-2 gap-x-6 gap-y-5 border-t border-border/70 pt-6 sm:grid-cols-3">
                {Array.from({ length: 5 }, (_, i) => (
                  <div key={i}>
                    <div className="h-3 w-16 rounded bg-surface-muted" />
                    <div className="mt-2 h-4 w-28 rounded bg-surface-muted" />
                  </div>
                ))}
              </div>
            </div>
          </div>
        </div>
      </div>
      <div className="mx-auto max-w-7xl px-4 py-12 sm:px-6 lg:px-8">
        <div className="mb-6 h-7 w-24 rounded bg-surface-muted" />
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="rounded-xl border border-border/70 p-3">
              <div className="h-4 w-32 rounded bg-surface-muted" />
              <div className="mt-3 flex items-center gap-3">
                <div className="h-[3.25rem] w-[2.625rem] rounded-md bg-surface-muted" />
                <div className="space-y-2">
                  <div className="h-3.5 w-28 rounded bg-surface-muted" />
                  <div className="h-3 w-20 rounded bg-surface-muted" />
                </div>
              </div>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
