export default function Loading() {
  return (
    <div className="mx-auto max-w-7xl animate-pulse px-4 py-10 sm:px-6 lg:px-8" aria-busy="true" aria-label="Loading countries">
      <div className="h-9 w-44 rounded bg-surface-muted" />
      <div className="mt-3 h-5 w-96 max-w-full rounded bg-surface-muted" />
      <div className="mt-8 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {Array.from({ length: 15 }, (_, i) => (
          <div key={i} className="h-12 rounded-xl bg-surface-muted" />
        ))}
      </div>
    </div>
  );
}
