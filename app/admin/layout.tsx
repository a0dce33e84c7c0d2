import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { isAdmin, requireEditor } from "@/lib/session";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · Marquee" }, robots: { index: false } };

// The layout's check decides what the page shows; every page, action and route handler checks again itself.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireEditor();
  return (
    <div className="mx-auto grid max-w-7xl grid-cols-[minmax(0,1fr)] gap-6 px-4 py-6 sm:px-6 lg:grid-cols-[12rem_minmax(0,1fr)] lg:gap-10 lg:px-8 lg:py-10">
      <aside className="min-w-0">
        <p className="mb-3 hidden px-3 text-xs font-semibold uppercase tracking-[0.16em] text-muted lg:block">Editing</p>
        <AdminNav isAdmin={isAdmin(viewer)} />
      </aside>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
