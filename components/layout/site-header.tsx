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

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b border-border/70 bg-background/85 backdrop-blur supports-[backdrop-filter]:bg-background/70">
      <div className="mx-auto flex h-16 max-w-7xl items-center gap-4 px-4 sm:gap-6 sm:px-6 lg:px-8">
        <Link href="/" className="flex shrink-0 items-center gap-2 text-lg font-semibold tracking-tight">
          <Clapperboard aria-hidden className="size-6 text-accent" />
          <span>Marquee</span>
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
        <div className="ml-auto flex flex-1 items-center justify-end gap-3">
          <HeaderSearch />
          <UserMenu />
        </div>
      </div>
      <nav aria-label="Main (mobile)" className="border-t border-border/60 md:hidden">
        <ul className="mx-auto flex max-w-7xl items-center justify-around px-2 text-sm font-medium">
          {NAV.map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="block px-3 py-2.5 text-muted hover:text-foreground">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
