import type { Metadata } from "next";
import { UserRound } from "@/components/ui/icons/user-round";
import Link from "next/link";
import { type AdminColumn, AdminHeader, AdminTable, ButtonLink, DeletedNotice, ListEmpty, ListToolbar, ToolbarSelect } from "@/components/admin/kit";
import { Pagination } from "@/components/ui/pagination";
import { listUsers } from "@/db/queries/admin/users";
import { formatNumber, formatShortDate, plural } from "@/lib/format";
import { requireAdmin } from "@/lib/session";
import { parseUserFilters, ROLE_LABELS, ROLES, USER_SORT_LABELS, USER_SORTS, USERS_PAGE_SIZE, type UserFilters } from "@/lib/validation/admin/user";
import { changeUserRoleAction, setUserDisabledAction } from "./actions";
import { deleteUserAction } from "./account-actions";
import { DeleteUserForm, RoleForm, StatusForm } from "./user-forms";

export const metadata: Metadata = { title: "Users" };

const COLUMNS: AdminColumn[] = [{ label: "User" }, { label: "Email" }, { label: "Role" }, { label: "Status" }, { label: "Joined" }, { label: "Actions", srOnly: true }];

function hrefFor(filters: UserFilters, page: number): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.role) params.set("role", filters.role);
  if (filters.status) params.set("status", filters.status);
  if (filters.sort !== "newest") params.set("sort", filters.sort);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/users?${query}` : "/admin/users";
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireAdmin();
  const params = await searchParams;
  const filters = parseUserFilters(params);
  const notice = (key: string) => (typeof params[key] === "string" ? (params[key] as string).slice(0, 120) : null);
  const created = notice("created");
  const { users, total, page, pageCount, activeAdmins } = await listUsers(filters);
  const filtered = Boolean(filters.q || filters.role || filters.status);
  const first = (page - 1) * USERS_PAGE_SIZE + 1;

  return (
    <>
      <AdminHeader
        title="Users"
        description={
          <>
            {total === 0 ? "No users match." : `${plural(total, "user")}${pageCount > 1 ? ` · ${formatNumber(first)}–${formatNumber(first + users.length - 1)} shown` : ""}.`}{" "}
            {plural(activeAdmins, "active admin")}: the last one cannot be demoted or disabled. A role change or disabling ends that user’s
            sessions.
          </>
        }
        actions={<ButtonLink href="/admin/users/new">New user</ButtonLink>}
      />
      <DeletedNotice name={notice("deleted")} />
      {created ? (
        <p role="status" className="mb-4 rounded-lg bg-emerald-500/10 px-4 py-3 text-sm text-emerald-700 dark:text-emerald-300" data-testid="form-message">
          Created “{created}”.
        </p>
      ) : null}
      <ListToolbar action="/admin/users" q={filters.q} placeholder="Search username, email or name">
        <ToolbarSelect name="role" label="Role" value={filters.role ?? ""} options={[{ value: "", label: "All roles" }, ...ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))]} />
        <ToolbarSelect
          name="status"
          label="Status"
          value={filters.status ?? ""}
          options={[
            { value: "", label: "Active or disabled" },
            { value: "active", label: "Active" },
            { value: "disabled", label: "Disabled" },
          ]}
        />
        <ToolbarSelect name="sort" label="Sort" value={filters.sort} options={USER_SORTS.map((s) => ({ value: s, label: USER_SORT_LABELS[s] }))} />
      </ListToolbar>

      <AdminTable
        caption="Users"
        columns={COLUMNS}
        rows={users}
        empty={
          <ListEmpty
            filtered={filtered}
            noMatch="No users match these filters."
            clear={{ href: "/admin/users", label: "Show all users" }}
            none="No users yet."
          />
        }
      >
        {(user) => {
          const isSelf = user.id === viewer.id;
          const name = `${user.first_name} ${user.last_name}`.trim();
          return (
            <tr key={user.id} className="align-top" data-testid="user-row">
              <td className="min-w-52">
                <div className="flex items-center gap-3">
                  {user.avatar_key ? (
                    // eslint-disable-next-line @next/next/no-img-element
                    <img src={`/files/${user.avatar_key}`} alt="" width={32} height={32} loading="lazy" className="size-8 shrink-0 rounded-full object-cover" />
                  ) : (
                    <span aria-hidden className="grid size-8 shrink-0 place-items-center rounded-full bg-surface-muted text-muted">
                      <UserRound className="size-4" />
                    </span>
                  )}
                  <div className="min-w-0">
                    <div className="font-medium">
                      <span data-testid="user-username">{user.username}</span>
                      {isSelf ? <span className="ml-1.5 rounded-full bg-surface-muted px-1.5 py-0.5 text-xs font-normal text-muted">you</span> : null}
                    </div>
                    <div className="truncate text-xs text-muted">{name}</div>
                  </div>
                </div>
              </td>
              <td className="whitespace-nowrap break-all text-muted">{user.email}</td>
              <td className="whitespace-nowrap">
                <RoleForm action={changeUserRoleAction} id={user.id} username={user.username} role={user.role} />
              </td>
              <td className="whitespace-nowrap">
                <div className="flex items-start gap-3">
                  {user.disabled_at ? (
                    <span className="mt-2 inline-flex rounded-full bg-red-500/10 px-2 py-0.5 text-xs font-semibold text-red-700 dark:text-red-300" title={`Disabled ${user.disabled_at}`}>
                      Disabled {formatShortDate(user.disabled_at)}
                    </span>
                  ) : (
                    <span className="mt-2 inline-flex rounded-full bg-emerald-500/10 px-2 py-0.5 text-xs font-semibold text-emerald-700 dark:text-emerald-300">Active</span>
                  )}
                  <StatusForm action={setUserDisabledAction} id={user.id} username={user.username} disabled={Boolean(user.disabled_at)} isSelf={isSelf} />
                </div>
              </td>
              <td className="whitespace-nowrap text-muted">
                <time dateTime={user.created_at.slice(0, 10)}>{formatShortDate(user.created_at)}</time>
              </td>
              <td className="whitespace-nowrap">
                <div className="flex flex-wrap items-start gap-2 md:flex-nowrap">
                  <Link href={`/admin/users/${user.id}`} className="inline-flex h-9 items-center rounded-lg px-2 text-sm font-medium text-accent hover:underline">
                    Edit<span className="sr-only"> {user.username}</span>
                  </Link>
                  {isSelf ? null : <DeleteUserForm action={deleteUserAction} id={user.id} username={user.username} />}
                </div>
              </td>
            </tr>
          );
        }}
      </AdminTable>
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => hrefFor(filters, p)} label="Pages of users" />
    </>
  );
}
