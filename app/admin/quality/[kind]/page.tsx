import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "@/components/ui/icons/arrow-left";
import { AdminHeader, AdminTable, ButtonLink } from "@/components/admin/kit";
import { Pagination } from "@/components/ui/pagination";
import { getQualityQueue, QUALITY_LISTING_CAP, type QualityEntity } from "@/db/queries/admin/quality";
import { formatNumber, plural } from "@/lib/format";
import { requireEditor } from "@/lib/session";
import { isQualityKind, QUALITY_LABELS, QUALITY_PAGE_SIZE } from "@/lib/validation/admin/quality";
import { parsePage } from "@/lib/validation/admin/list-params";

function EntityLink({ entity }: { entity: QualityEntity }) {
  return (
    <Link href={entity.href} className="font-medium underline-offset-2 hover:text-accent hover:underline">
      {entity.label}
    </Link>
  );
}

type Props = { params: Promise<{ kind: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { kind } = await params;
  return { title: isQualityKind(kind) ? QUALITY_LABELS[kind].title : "Not found" };
}

/** Every entry of one data-quality queue, 50 per page. */
export default async function QualityQueuePage({ params, searchParams }: Props) {
  await requireEditor();
  const { kind } = await params;
  if (!isQualityKind(kind)) notFound();
  const page = parsePage((await searchParams).page);
  const queue = await getQualityQueue(kind, { page, pageSize: QUALITY_PAGE_SIZE });
  const labels = QUALITY_LABELS[kind];
  const first = (queue.page - 1) * QUALITY_PAGE_SIZE + 1;
  const duplicates = kind === "duplicate-people";
  return (
    <>
      <AdminHeader
        title={labels.title}
        description={
          <>
            {labels.description}{" "}
            {queue.total > 0
              ? `${plural(queue.total, duplicates ? "pair" : "entry", duplicates ? "pairs" : "entries")}${queue.pageCount > 1 ? ` · ${formatNumber(first)}–${formatNumber(first + queue.items.length - 1)} shown` : ""}.`
              : null}
            {queue.listingCapped ? ` The list stops at the newest ${formatNumber(QUALITY_LISTING_CAP)}.` : null}
          </>
        }
        actions={
          <ButtonLink href="/admin" variant="secondary">
            <ArrowLeft aria-hidden className="size-4" /> Dashboard
          </ButtonLink>
        }
      />
      <AdminTable
        caption={labels.title}
        columns={
          duplicates
            ? [{ label: "Person" }, { label: "Resembles" }, { label: "Similarity", align: "right" }]
            : [{ label: kind.startsWith("movies") ? "Film" : kind.startsWith("people") ? "Person" : "Character" }, { label: "Details" }]
        }
        rows={queue.items}
        empty={labels.empty}
      >
        {(item) => (
          <tr key={`${item.id}-${item.other?.id ?? ""}`} data-testid="quality-row">
            <td className="min-w-48">
              <EntityLink entity={item} />
              {duplicates ? <span className="block text-xs text-muted">{item.detail}</span> : null}
            </td>
            {duplicates && item.other ? (
              <>
                <td className="min-w-48">
                  <EntityLink entity={item.other} />
                  <span className="block text-xs text-muted">{item.other.detail}</span>
                </td>
                <td className="text-right tabular-nums">{Math.round((item.similarity ?? 0) * 100)}%</td>
              </>
            ) : (
              <td className="text-muted">{item.detail}</td>
            )}
          </tr>
        )}
      </AdminTable>
      <Pagination page={queue.page} pageCount={queue.pageCount} hrefFor={(p) => (p > 1 ? `/admin/quality/${kind}?page=${p}` : `/admin/quality/${kind}`)} label={`${labels.title} pages`} />
    </>
  );
}
