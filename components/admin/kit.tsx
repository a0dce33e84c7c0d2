import Link from "next/link";
import { ExternalLink } from "@/components/ui/icons/external-link";
import { Search } from "@/components/ui/icons/search";
import { formatEdited } from "@/lib/format";

/** The top of every admin page: title, a line of context, and its main actions (e.g. "New movie"). */
export function AdminHeader({ title, description, actions }: { title: string; description?: React.ReactNode; actions?: React.ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description ? <p className="mt-1 text-sm text-muted">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}

const buttonStyles = {
  primary: "bg-accent text-accent-foreground hover:bg-accent-strong",
  secondary: "border border-border bg-surface hover:bg-surface-muted",
  danger: "bg-red-600 text-white hover:bg-red-700",
};

/** A link styled as a button (e.g. "New movie", "Edit"). */
export function ButtonLink({ href, children, variant = "primary" }: { href: string; children: React.ReactNode; variant?: keyof typeof buttonStyles }) {
  return (
    <Link href={href} className={`inline-flex h-10 items-center justify-center gap-2 rounded-full px-5 text-sm font-semibold ${buttonStyles[variant]}`}>
      {children}
    </Link>
  );
}

/**
 * A GET search/filter form for a list (works without JavaScript; the state stays in the URL). Put extra
 * filter controls (selects) in children; they submit with the search.
 */
export function ListToolbar({ action, q, placeholder, children }: { action: string; q?: string; placeholder: string; children?: React.ReactNode }) {
  return (
    <form action={action} method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
      <label className="relative min-w-56 flex-1">
        <span className="sr-only">{placeholder}</span>
        <Search aria-hidden className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted" />
        <input
          type="search"
          name="q"
          defaultValue={q}
          placeholder={placeholder}
          maxLength={200}
          className="block h-10 w-full rounded-lg border border-border bg-surface pl-9 pr-3 text-sm focus:border-accent focus:outline-none focus:ring-2 focus:ring-ring/40"
        />
      </label>
      {children}
      <button type="submit" className={`inline-flex h-10 items-center rounded-lg px-4 text-sm font-semibold ${buttonStyles.secondary}`}>
        Apply
      </button>
    </form>
  );
}

/** A labelled select for ListToolbar filters. */
export function ToolbarSelect({ name, label, value, options }: { name: string; label: string; value?: string; options: { value: string; label: string }[] }) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-muted">
      {label}
      <select
        name={name}
        defaultValue={value ?? ""}
        className="h-10 rounded-lg border border-border bg-surface px-3 text-sm text-foreground focus:border-accent focus:outline-none focus:ring-2 focus:ring-ring/40"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A column of an admin list table: its header, read only by screen readers over pictures and links. */
export type AdminColumn = { label: string; srOnly?: boolean; align?: "right" };

/**
 * Below the md breakpoint each row is a card: cells stack, each after its column's label (a ::before drawn from
 * the column list, so the rows' markup stays one <tr> of <td>s), and every control stays on screen.
 */
const CARDS = [
  "max-md:[&_table]:block max-md:[&_tbody]:block max-md:[&_tbody]:space-y-3 max-md:[&_tbody]:divide-y-0",
  "max-md:[&_thead]:sr-only",
  "max-md:[&_tbody>tr]:block max-md:[&_tbody>tr]:rounded-xl max-md:[&_tbody>tr]:border max-md:[&_tbody>tr]:border-border max-md:[&_tbody>tr]:bg-surface max-md:[&_tbody>tr]:p-3",
  // Label in the first column, everything the cell holds stacked in the second.
  "max-md:[&_tbody>tr>td]:grid max-md:[&_tbody>tr>td]:grid-cols-[5.5rem_minmax(0,1fr)] max-md:[&_tbody>tr>td]:items-start max-md:[&_tbody>tr>td]:gap-x-3",
  "max-md:[&_tbody>tr>td]:min-w-0 max-md:[&_tbody>tr>td]:max-w-none max-md:[&_tbody>tr>td]:w-auto max-md:[&_tbody>tr>td]:!whitespace-normal max-md:[&_tbody>tr>td]:break-words max-md:[&_tbody>tr>td]:!px-0 max-md:[&_tbody>tr>td]:!py-1.5 max-md:[&_tbody>tr>td]:text-left",
  "max-md:[&_tbody>tr>td]:before:pt-0.5 max-md:[&_tbody>tr>td]:before:text-xs max-md:[&_tbody>tr>td]:before:font-semibold max-md:[&_tbody>tr>td]:before:uppercase max-md:[&_tbody>tr>td]:before:tracking-wide max-md:[&_tbody>tr>td]:before:text-muted",
  "max-md:[&_tbody>tr>td>*]:col-start-2 max-md:[&_tbody>tr>td>*]:min-w-0 max-md:[&_tbody>tr>td>*]:max-w-full",
].join(" ");

/** The cards' labels: one rule per labelled column (labels are the page's own constants, quoted for CSS). */
function cardLabels(scope: string, columns: readonly AdminColumn[]): string {
  return columns
    .map((column, i) => (column.srOnly ? "" : `[data-admin-table="${scope}"] tbody>tr>td:nth-child(${i + 1})::before{content:${JSON.stringify(column.label)}}`))
    .join("");
}

/**
 * A dense table with a sticky header on wide screens, a list of cards on phones (see CARDS). One row per item of
 * `rows` (children renders a <tr> with a key), `empty` under the header when there are none.
 */
export function AdminTable<Row>({
  caption,
  columns,
  rows,
  empty,
  children,
}: {
  caption: string;
  columns: readonly AdminColumn[];
  rows: readonly Row[];
  empty: React.ReactNode;
  children: (row: Row) => React.ReactNode;
}) {
  const scope = caption.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return (
    <div
      data-admin-table={scope}
      className={`relative rounded-xl border border-border bg-surface md:overflow-x-auto max-md:border-0 max-md:bg-transparent ${CARDS}`}
    >
      <style>{`@media (width < 48rem){${cardLabels(scope, columns)}}`}</style>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 z-10 bg-surface-muted text-xs uppercase tracking-wide text-muted">
          <tr className="[&>th]:whitespace-nowrap [&>th]:px-4 [&>th]:py-2.5 [&>th]:font-semibold">
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.align === "right" ? "text-right" : undefined}>
                {column.srOnly ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border [&_td]:px-4 [&_td]:py-2.5 md:[&_tr:hover]:bg-surface-muted/50">{rows.map((row) => children(row))}</tbody>
      </table>
      {rows.length === 0 ? <div className="rounded-xl border border-border bg-surface px-4 py-10 text-center text-sm text-muted md:rounded-none md:border-0 md:border-t">{empty}</div> : null}
    </div>
  );
}

/** The "Updated" cell of an admin list row: "3 h ago", the exact time on hover. */
export function EditedCell({ at, now }: { at: string | Date; now: number }) {
  const date = new Date(at);
  return (
    <td className="whitespace-nowrap text-muted">
      <time dateTime={date.toISOString()} title={date.toISOString()}>
        {formatEdited(date, now)}
      </time>
    </td>
  );
}

/** The last cell of an admin list row: Edit (the admin form) and View (the public page), named for screen readers. */
export function RowLinks({ editHref, viewHref, name }: { editHref: string; viewHref: string; name: string }) {
  return (
    <td className="relative whitespace-nowrap text-right">
      <Link href={editHref} className="rounded px-2 py-1 font-medium text-accent hover:underline">
        Edit<span className="sr-only"> {name}</span>
      </Link>
      <Link href={viewHref} className="inline-flex items-center gap-1 rounded px-2 py-1 text-muted hover:text-foreground hover:underline">
        View<span className="sr-only"> the public page of {name}</span>
        <ExternalLink aria-hidden className="size-3.5" />
      </Link>
    </td>
  );
}

/** A section of an admin form: a heading and a description on the left, fields on the right (desktop). */
export function FormSection({ id, title, description, children }: { id: string; title: string; description?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="grid gap-4 border-t border-border py-6 first:border-t-0 first:pt-0 md:grid-cols-3">
      <div>
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        {description ? <p className="mt-1 text-sm text-muted">{description}</p> : null}
      </div>
      <div className="space-y-4 md:col-span-2">{children}</div>
    </section>
  );
}

const linkClass = "text-accent underline-offset-2 hover:underline";

/**
 * The empty state of an admin list: filters that match nothing offer the whole list back; an empty table says so
 * and, where it makes sense, offers to create the first row.
 */
export function ListEmpty({
  filtered,
  noMatch,
  clear,
  none,
  start,
}: {
  filtered: boolean;
  noMatch: string;
  clear: { href: string; label: string };
  none: string;
  start?: { href: string; label: string };
}) {
  if (filtered) {
    return (
      <>
        {noMatch}{" "}
        <Link href={clear.href} className={linkClass}>
          {clear.label}
        </Link>
      </>
    );
  }
  if (!start) return <>{none}</>;
  return (
    <>
      {none}{" "}
      <Link href={start.href} className={linkClass}>
        {start.label}
      </Link>
    </>
  );
}

/** "Deleted “name”." after a delete that ended on the list (the name comes from the URL, cut short). */
export function DeletedNotice({ name }: { name: string | null | undefined }) {
  if (!name) return null;
  return (
    <p role="status" className="mb-4 rounded-lg bg-emerald-500/10 px-4 py-3 text-sm text-emerald-700 dark:text-emerald-300" data-testid="form-message">
      Deleted “{name}”.
    </p>
  );
}
