import type { Metadata } from "next";
import Link from "next/link";
import { FileImage } from "@/components/ui/icons/file-image";
import { type AdminColumn, AdminHeader, AdminTable, ListEmpty, ListToolbar, ToolbarSelect } from "@/components/admin/kit";
import { DeleteButton } from "@/components/admin/delete-button";
import { Pagination } from "@/components/ui/pagination";
import { listFiles } from "@/db/queries/admin/files";
import { formatBytes, formatNumber, formatShortDate, plural } from "@/lib/format";
import { isAdmin, requireEditor } from "@/lib/session";
import { FILE_SORT_LABELS, FILE_SORTS, FILE_TYPES, FILES_PAGE_SIZE, parseFileFilters, type FileFilters } from "@/lib/validation/admin/file";
import { deleteFileAction, setFileVisibilityAction } from "./actions";
import { referenceFor } from "./file-uses";
import { FilesUpload } from "./files-upload";
import { VisibilityToggle } from "./visibility-toggle";

export const metadata: Metadata = { title: "Files" };

const USES_SHOWN = 3;
const COLUMNS: AdminColumn[] = [
  { label: "Preview", srOnly: true },
  { label: "File" },
  { label: "Size" },
  { label: "Used by" },
  { label: "Visibility" },
  { label: "Created" },
  { label: "Actions", srOnly: true },
];

function hrefFor(filters: FileFilters, page: number): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.usage) params.set("usage", filters.usage);
  if (filters.type) params.set("type", filters.type);
  if (filters.visibility) params.set("visibility", filters.visibility);
  if (filters.sort !== "newest") params.set("sort", filters.sort);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/files?${query}` : "/admin/files";
}

export default async function AdminFilesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireEditor();
  const filters = parseFileFilters(await searchParams);
  const { files, total, page, pageCount } = await listFiles(filters);
  const filtered = Boolean(filters.q || filters.usage || filters.type || filters.visibility);
  const first = (page - 1) * FILES_PAGE_SIZE + 1;

  return (
    <>
      <AdminHeader
        title="Files"
        description={
          total === 0
            ? "No files match."
            : `${plural(total, "file")}${pageCount > 1 ? ` · ${formatNumber(first)}–${formatNumber(first + files.length - 1)} shown` : ""}. Posters, portraits, gallery photos and avatars.`
        }
      />
      <FilesUpload />
      <ListToolbar action="/admin/files" q={filters.q} placeholder="Search file names">
        <ToolbarSelect
          name="usage"
          label="Usage"
          value={filters.usage ?? ""}
          options={[
            { value: "", label: "Used or not" },
            { value: "used", label: "Used" },
            { value: "unused", label: "Unused" },
          ]}
        />
        <ToolbarSelect name="type" label="Type" value={filters.type ?? ""} options={[{ value: "", label: "All types" }, ...FILE_TYPES.map((t) => ({ value: t.value, label: t.label }))]} />
        <ToolbarSelect
          name="visibility"
          label="Visibility"
          value={filters.visibility ?? ""}
          options={[
            { value: "", label: "Public or private" },
            { value: "public", label: "Public" },
            { value: "private", label: "Private" },
          ]}
        />
        <ToolbarSelect name="sort" label="Sort" value={filters.sort} options={FILE_SORTS.map((s) => ({ value: s, label: FILE_SORT_LABELS[s] }))} />
      </ListToolbar>

      <AdminTable
        caption="Stored files"
        columns={COLUMNS}
        rows={files}
        empty={
          <ListEmpty
            filtered={filtered}
            noMatch="No files match these filters."
            clear={{ href: "/admin/files", label: "Show all files" }}
            none="No files yet: they appear here when posters, photos or avatars are uploaded."
          />
        }
      >
        {(file) => {
          const src = `/files/${file.file_key}`;
          const refs = file.usage.uses.map((use) => referenceFor(use, isAdmin(viewer)));
          return (
            <tr key={file.id} className="align-top" data-testid="file-row">
              <td className="w-16">
                {file.mime_type.startsWith("image/") ? (
                  <a href={src} target="_blank" rel="noreferrer" className="block size-12 overflow-hidden rounded-md border border-border bg-surface-muted">
                    {/* A plain img: private files are served only with the editor's cookie, which the image optimizer lacks. */}
                    {/* eslint-disable-next-line @next/next/no-img-element */}
                    <img src={src} alt={`Preview of ${file.file_name}`} loading="lazy" decoding="async" width={48} height={48} className="size-full object-cover" />
                  </a>
                ) : (
                  <span className="grid size-12 place-items-center rounded-md border border-border bg-surface-muted text-muted">
                    <FileImage aria-hidden className="size-5" />
                  </span>
                )}
              </td>
              <td className="min-w-44 max-w-72">
                <a href={src} target="_blank" rel="noreferrer" className="break-words font-medium hover:text-accent hover:underline" data-testid="file-name">
                  {file.file_name}
                </a>
                <div className="mt-0.5 font-mono text-xs text-muted">{file.mime_type}</div>
              </td>
              <td className="whitespace-nowrap tabular-nums text-muted">{formatBytes(file.size_bytes)}</td>
              <td className="min-w-44" data-testid="file-uses">
                {file.usage.total === 0 ? (
                  <span className="text-muted">Unused</span>
                ) : (
                  <ul className="space-y-0.5">
                    {refs.slice(0, USES_SHOWN).map((ref, i) => (
                      <li key={i}>
                        {ref.href ? (
                          <Link href={ref.href} className="hover:text-accent hover:underline">
                            {ref.label}
                          </Link>
                        ) : (
                          ref.label
                        )}
                      </li>
                    ))}
                    {file.usage.total > Math.min(refs.length, USES_SHOWN) ? (
                      <li className="text-xs text-muted">and {formatNumber(file.usage.total - Math.min(refs.length, USES_SHOWN))} more</li>
                    ) : null}
                  </ul>
                )}
              </td>
              <td>
                <VisibilityToggle key={String(file.is_public)} action={setFileVisibilityAction} id={file.id} fileName={file.file_name} isPublic={file.is_public} />
              </td>
              <td className="whitespace-nowrap text-muted">
                <time dateTime={file.created_at.slice(0, 10)} title={file.created_at}>{formatShortDate(file.created_at)}</time>
              </td>
              <td>
                {/* A flex wrapper, not text-right: the confirm dialog inside would inherit the alignment. */}
                <div className="flex justify-end">
                  <DeleteButton action={deleteFileAction} id={file.id} what={`the file “${file.file_name}”`} />
                </div>
              </td>
            </tr>
          );
        }}
      </AdminTable>
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => hrefFor(filters, p)} label="Pages of files" />
    </>
  );
}
