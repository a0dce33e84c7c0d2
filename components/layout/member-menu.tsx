"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { ChevronDown } from "@/components/ui/icons/chevron-down";
import { Heart } from "@/components/ui/icons/heart";
import { LayoutDashboard } from "@/components/ui/icons/layout-dashboard";
import { LogOut } from "@/components/ui/icons/log-out";
import { Settings } from "@/components/ui/icons/settings";
import { UserRound } from "@/components/ui/icons/user-round";
import { signOutAction } from "@/app/(account)/session-actions";
import { forgetViewer } from "@/components/viewer/viewer-store";
import type { ViewerSummary } from "@/lib/viewer";

/**
 * A member's avatar and menu in the header (Favorites, Account, Admin for editors, Sign out). Its own module, which
 * UserMenu loads only once /api/viewer has said someone is signed in: visitors' pages don't ship it.
 * A disclosure (a button and the list it shows): it closes when an item is chosen or the page changes, on Escape
 * (focus back on the avatar), on a click elsewhere and when focus leaves it, so it never covers the next page.
 */
export default function MemberMenu({ viewer }: { viewer: ViewerSummary }) {
  const pathname = usePathname();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [shownPath, setShownPath] = useState(pathname);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const [signingOut, startSignOut] = useTransition();

  // A new page (a link here, Back, a link elsewhere): the menu closes.
  if (shownPath !== pathname) {
    setShownPath(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);

  const item = "flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm hover:bg-surface-muted";
  const close = () => setOpen(false);
  // With JavaScript: the header shows "Sign in" only once the server has signed this browser out, then home.
  const signOut = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    data.set("$js", "1");
    startSignOut(async () => {
      await signOutAction(data);
      forgetViewer();
      router.push("/");
      router.refresh();
    });
  };
  return (
    <div
      ref={root}
      className="group relative shrink-0"
      data-open={open || undefined}
      data-testid="user-menu"
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !open) return;
        event.preventDefault();
        setOpen(false);
        button.current?.focus();
      }}
      onBlur={(event) => {
        // Tab (or a click) out of the menu: it closes. A click on nothing focusable is the pointerdown's.
        if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget as Node)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="flex cursor-pointer items-center gap-1.5 rounded-full p-0.5 pr-2 hover:bg-surface-muted"
      >
        <span className="relative block size-9 overflow-hidden rounded-full bg-surface-muted ring-1 ring-border">
          {viewer.avatarUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- the avatar's own file, unoptimized: a plain <img> needs no image code in the browser
            <img src={viewer.avatarUrl} alt="" decoding="async" className="absolute inset-0 size-full object-cover" data-testid="header-avatar" />
          ) : (
            <UserRound aria-hidden className="m-2 size-5 text-muted" />
          )}
        </span>
        <span className="sr-only">Account menu for </span>
        <span className="hidden max-w-28 truncate text-sm font-medium sm:inline">{viewer.username}</span>
        <ChevronDown aria-hidden className="size-4 text-muted transition group-data-[open]:rotate-180" />
      </button>
      <div id={panelId} hidden={!open} className="absolute right-0 z-50 mt-2 w-56 rounded-xl border border-border bg-surface p-1.5 shadow-lg">
        <p className="truncate px-3 py-2 text-xs text-muted">Signed in as {viewer.username}</p>
        {viewer.mustChangePassword ? (
          <Link href="/account/password" className={item} onClick={close}>
            <Settings aria-hidden className="size-4" /> Choose a new password
          </Link>
        ) : (
          <>
            <Link href="/favorites" className={item} onClick={close}>
              <Heart aria-hidden className="size-4" /> Favorites
            </Link>
            <Link href="/account" className={item} onClick={close}>
              <Settings aria-hidden className="size-4" /> Account
            </Link>
          </>
        )}
        {viewer.editor ? (
          <Link href="/admin" className={item} onClick={close}>
            <LayoutDashboard aria-hidden className="size-4" /> Admin
          </Link>
        ) : null}
        <form action={signOutAction} onSubmit={signOut}>
          <button type="submit" className={item} disabled={signingOut}>
            <LogOut aria-hidden className="size-4" /> {signingOut ? "Signing out…" : "Sign out"}
          </button>
        </form>
      </div>
    </div>
  );
}
