export default function Loading() {
  return (
    <div className="mx-auto max-w-7xl animate-pulse px-4 py-10 sm:px-6 lg:px-8" aria-busy="true" aria-label="Loading genres">
      <div className="h-9 w-40 rounded bg-surface-muted" />
      <div className="mt-3 h-5 w-80 max-w-full rounded bg-surface-muted" />
      <div className="mt-8 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
        {Array.from({ length: 12 }, (_, i) => (
          <div key={i} className="h-32 rounded-xl bg-surface-muted" />
        ))}
      </div>
    </div>
  );
}
