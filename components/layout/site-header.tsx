import Link from "next/link";
import { Clapperboard } from "@/components/ui/icons/clapperboard";
import { HeaderSearch } from "@/components/search/header-search";
import { UserMenu } from "./user-menu";

const NAV = [
  { href: "/movies", label: "Movies" },
  { href: "/people", label: "People" },
  { href: "/genres", label: "Genres" },
  { href: "/countries", label: "Countries" },
];

/**
 * One sticky row: 56 px on phones (the logo's mark, the search, the account corner), 64 px from sm up with the
 * wordmark and, from md up, the sections. On phones the sections are a short row under it that scrolls away with
 * the page, so only the one row stays on screen.
 */
export function SiteHeader() {
  return (
    <>
      <header className="sticky top-0 z-40 border-b border-border/70 bg-background/85 backdrop-blur supports-[backdrop-filter]:bg-background/70">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-3 sm:h-16 sm:gap-6 sm:px-6 lg:px-8">
          <Link href="/" className="flex shrink-0 items-center gap-2 rounded-md text-lg font-semibold tracking-tight max-sm:p-1">
            <Clapperboard aria-hidden className="size-6 text-accent" />
            <span className="max-sm:sr-only">Marquee</span>
          </Link>
          <nav aria-label="Main" className="hidden md:block">
            <ul className="flex items-center gap-1 text-sm font-medium">
              {NAV.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="rounded-md px-3 py-2 text-muted hover:bg-surface-muted hover:text-foreground">
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="ml-auto flex min-w-0 flex-1 items-center justify-end gap-2 sm:gap-3">
            <HeaderSearch />
            <UserMenu />
          </div>
        </div>
      </header>
      <nav aria-label="Main (mobile)" className="border-b border-border/60 md:hidden">
        <ul className="mx-auto flex max-w-7xl items-center justify-between gap-1 overflow-x-auto px-2 sm:justify-center sm:gap-4 text-sm font-medium [scrollbar-width:none]">
          {NAV.map((item) => (
            <li key={item.href} className="shrink-0">
              <Link href={item.href} className="block rounded-md px-3 py-1.5 text-muted hover:text-foreground">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
