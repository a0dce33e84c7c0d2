import Link from "next/link";

/** An editor (not an admin) who opens user management: the admin shell stays, with a way back. */
export default function UsersForbidden() {
  return (
    <div className="max-w-xl py-12">
      <p className="text-sm font-medium uppercase tracking-[0.2em] text-accent">403</p>
      <h1 className="mt-3 text-2xl font-semibold tracking-tight">User management is for administrators</h1>
      <p className="mt-3 text-muted">Editors curate the catalogue; changing roles and disabling accounts needs an admin. Ask one if you should have that role.</p>
      <Link href="/admin" className="mt-8 inline-flex rounded-full bg-accent px-5 py-2.5 text-sm font-medium text-accent-foreground hover:bg-accent-strong">
        Back to the dashboard
      </Link>
    </div>
  );
}
