import Image from "next/image";
import Link from "next/link";
import { ChevronDown, Heart, LayoutDashboard, LogOut, Settings, UserRound } from "lucide-react";
import { signOutAction } from "@/app/(account)/session-actions";
import { getViewer, isEditor } from "@/lib/session";

/** Signed in: the avatar and a menu (a <details> disclosure, so it works without JavaScript). Else: Sign in. */
export async function UserMenu() {
  const viewer = await getViewer();
  if (!viewer) {
    return (
      <Link href="/sign-in" className="inline-flex h-10 shrink-0 items-center rounded-full bg-accent px-4 text-sm font-semibold text-accent-foreground hover:bg-accent-strong">
        Sign in
      </Link>
    );
  }
  const item = "flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm hover:bg-surface-muted";
  return (
    <details className="group relative shrink-0" data-testid="user-menu">
      <summary className="flex cursor-pointer list-none items-center gap-1.5 rounded-full p-0.5 pr-2 hover:bg-surface-muted [&::-webkit-details-marker]:hidden">
        <span className="relative block size-9 overflow-hidden rounded-full bg-surface-muted ring-1 ring-border">
          {viewer.avatarUrl ? (
            <Image src={viewer.avatarUrl} alt="" fill sizes="36px" className="object-cover" data-testid="header-avatar" unoptimized />
          ) : (
            <UserRound aria-hidden className="m-2 size-5 text-muted" />
          )}
        </span>
        <span className="sr-only">Account menu for </span>
        <span className="hidden max-w-28 truncate text-sm font-medium sm:inline">{viewer.username}</span>
        <ChevronDown aria-hidden className="size-4 text-muted transition group-open:rotate-180" />
      </summary>
      <div className="absolute right-0 z-50 mt-2 w-56 rounded-xl border border-border bg-surface p-1.5 shadow-lg">
        <p className="truncate px-3 py-2 text-xs text-muted">Signed in as {viewer.username}</p>
        <Link href="/favorites" className={item}>
          <Heart aria-hidden className="size-4" /> Favorites
        </Link>
        <Link href="/account" className={item}>
          <Settings aria-hidden className="size-4" /> Account
        </Link>
        {isEditor(viewer) ? (
          <Link href="/admin" className={item}>
            <LayoutDashboard aria-hidden className="size-4" /> Admin
          </Link>
        ) : null}
        <form action={signOutAction}>
          <button type="submit" className={item}>
            <LogOut aria-hidden className="size-4" /> Sign out
          </button>
        </form>
      </div>
    </details>
  );
}
