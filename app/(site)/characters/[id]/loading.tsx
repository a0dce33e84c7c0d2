/** Skeleton of the character page: header, the film beside it (below it on a phone), actors, other characters. */
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading the character" className="mx-auto max-w-7xl animate-pulse px-4 pb-16 pt-6 sm:px-6 lg:px-8">
      <div className="h-4 w-64 rounded bg-surface-muted" />
      <div className="mt-8 grid gap-x-12 gap-y-10 md:grid-cols-[minmax(0,1fr)_220px] md:grid-rows-[auto_auto_1fr] lg:grid-cols-[minmax(0,1fr)_260px]">
        <div>
          <div className="h-4 w-40 rounded bg-surface-muted" />
          <div className="mt-3 h-10 w-3/4 rounded bg-surface-muted sm:h-12" />
          <div className="mt-4 h-5 w-48 rounded bg-surface-muted" />
          <div className="mt-7 max-w-3xl space-y-2.5">
            <div className="h-4 rounded bg-surface-muted" />
            <div className="h-4 w-2/3 rounded bg-surface-muted" />
          </div>
        </div>
        <div className="grid grid-cols-[8rem_minmax(0,1fr)] items-start gap-4 md:col-start-2 md:row-span-3 md:row-start-1 md:block">
          <div className="aspect-2/3 rounded-lg bg-surface-muted" />
          <div className="space-y-2 md:mt-5">
            <div className="h-3 w-16 rounded bg-surface-muted" />
            <div className="h-4 w-28 rounded bg-surface-muted" />
          </div>
        </div>
        <div className="md:col-start-1">
          <div className="h-7 w-36 rounded bg-surface-muted" />
          <div className="mt-5 grid grid-cols-2 gap-x-4 gap-y-6 sm:grid-cols-3 lg:grid-cols-4">
            {Array.from({ length: 2 }, (_, i) => (
              <div key={i}>
                <div className="aspect-[4/5] rounded-lg bg-surface-muted" />
                <div className="mt-2 h-4 w-3/4 rounded bg-surface-muted" />
                <div className="mt-1 h-3 w-1/2 rounded bg-surface-muted" />
              </div>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
