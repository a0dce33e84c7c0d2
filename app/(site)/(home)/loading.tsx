/** Skeleton of the home page: the hero, then rows of poster cards. */
export default function Loading() {
  return (
    <div className="mx-auto max-w-7xl animate-pulse px-4 pb-16 sm:px-6 lg:px-8" aria-busy="true" aria-label="Loading">
      <div className="py-10 sm:py-14">
        <div className="h-4 w-24 rounded bg-surface-muted" />
        <div className="mt-4 h-10 w-full max-w-2xl rounded bg-surface-muted" />
        <div className="mt-3 h-10 w-2/3 max-w-xl rounded bg-surface-muted" />
        <div className="mt-8 h-12 w-full max-w-xl rounded-full bg-surface-muted" />
      </div>
      <div className="mb-5 h-6 w-40 rounded bg-surface-muted" />
      <div className="grid grid-cols-2 gap-x-4 gap-y-6 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-6">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i}>
            <div className="aspect-[2/3] rounded-lg bg-surface-muted" />
            <div className="mt-2 h-4 w-3/4 rounded bg-surface-muted" />
            <div className="mt-1 h-3 w-1/2 rounded bg-surface-muted" />
          </div>
        ))}
      </div>
    </div>
  );
}
