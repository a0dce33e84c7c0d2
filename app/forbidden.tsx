import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center px-4 py-24 text-center">
      <p className="text-sm font-medium uppercase tracking-[0.2em] text-accent">403</p>
      <h1 className="mt-3 text-3xl font-semibold tracking-tight">This area is for editors</h1>
      <p className="mt-3 text-muted">
        Your account can browse and keep favorites, but editing the catalogue needs an editor role. Ask an administrator if you
        should have one.
      </p>
      <Link href="/" className="mt-8 rounded-full bg-accent px-5 py-2.5 text-sm font-medium text-accent-foreground hover:bg-accent-strong">
        Back to the home page
      </Link>
    </div>
  );
}
