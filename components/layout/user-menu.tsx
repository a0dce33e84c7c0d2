"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { lazy, Suspense, useEffect } from "react";
import { UserRound } from "@/components/ui/icons/user-round";
import { refreshViewer, useViewerState } from "@/components/viewer/viewer-store";

const loadMemberMenu = () => import("./member-menu");
const MemberMenu = lazy(loadMemberMenu);

/** The sign-in and sign-up forms fetch the member's menu while they submit: the next page shows it at once. */
export function preloadMemberMenu() {
  void loadMemberMenu();
}
const SIGN_IN = "inline-flex h-10 shrink-0 items-center rounded-full bg-accent px-4 text-sm font-semibold text-accent-foreground hover:bg-accent-strong";

/**
 * The header's account corner, the same HTML for everyone (public pages are cached for all): "Sign in", replaced in
 * the browser by the member's avatar and menu (MemberMenu, loaded only for members) once /api/viewer says who is
 * signed in, and asked again after every navigation (signing in or out changes it). Without JavaScript there is
 * also an Account link, which leads a member to their account page (with Sign out) and a visitor to sign in.
 */
export function UserMenu() {
  const { viewer } = useViewerState();
  const pathname = usePathname();

  useEffect(() => {
    // A new page: the viewer is asked again.
    refreshViewer();
  }, [pathname]);

  if (!viewer) {
    return (
      <>
        <Link href="/sign-in" className={SIGN_IN} data-testid="sign-in-link">
          Sign in
        </Link>
        <noscript>
          <a href="/account" className="inline-flex size-10 shrink-0 items-center justify-center rounded-full ring-1 ring-border hover:bg-surface-muted" title="Account">
            <UserRound aria-hidden className="size-5 text-muted" />
            <span className="sr-only">Account</span>
          </a>
        </noscript>
      </>
    );
  }
  return (
    // Until the menu's code is here (the first page a member opens): the avatar's place, empty.
    <Suspense fallback={<span aria-hidden className="m-0.5 block size-9 shrink-0 rounded-full bg-surface-muted ring-1 ring-border" />}>
      <MemberMenu viewer={viewer} />
    </Suspense>
  );
}
