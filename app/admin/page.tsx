import type { Metadata } from "next";
import { Suspense } from "react";
import { DashboardCounts } from "@/components/admin/dashboard-counts";
import { QualityCard, QualityCardSkeleton } from "@/components/admin/dashboard-quality";
import { DashboardRecent } from "@/components/admin/dashboard-recent";
import { AdminHeader } from "@/components/admin/kit";
import { getAdminCounts, getRecentEdits } from "@/db/queries/admin/dashboard";
import { requireEditor } from "@/lib/session";
import { QUALITY_KINDS } from "@/lib/validation/admin/quality";

export const metadata: Metadata = { title: "Dashboard" };

export default async function AdminDashboardPage() {
  await requireEditor();
  const [counts, recent] = await Promise.all([getAdminCounts(), getRecentEdits({ limit: 5 })]);
  return (
    <>
      <AdminHeader title="Dashboard" description="What the catalogue holds, what needs fixing, and what changed lately." />
      <DashboardCounts counts={counts} />
      <section aria-labelledby="quality-heading">
        <h2 id="quality-heading" className="mb-1 text-lg font-semibold">
          Needs attention
        </h2>
        <p className="mb-3 text-sm text-muted">Each entry links to the page that fixes it.</p>
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {QUALITY_KINDS.map((kind) => (
            // Each queue streams in on its own: the slower ones (anti-joins, duplicates) never hold up the rest.
            <Suspense key={kind} fallback={<QualityCardSkeleton kind={kind} />}>
              <QualityCard kind={kind} />
            </Suspense>
          ))}
        </div>
      </section>
      <DashboardRecent recent={recent} />
    </>
  );
}
