"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Clapperboard } from "@/components/ui/icons/clapperboard";
import { FileImage } from "@/components/ui/icons/file-image";
import { Flag } from "@/components/ui/icons/flag";
import { LayoutDashboard } from "@/components/ui/icons/layout-dashboard";
import { Tags } from "@/components/ui/icons/tags";
import { UserRound } from "@/components/ui/icons/user-round";
import { UsersRound } from "@/components/ui/icons/users-round";
import { VenetianMask } from "@/components/ui/icons/venetian-mask";

const ITEMS = [
  { href: "/admin", label: "Dashboard", icon: LayoutDashboard, exact: true },
  { href: "/admin/movies", label: "Movies", icon: Clapperboard },
  { href: "/admin/people", label: "People", icon: UserRound },
  { href: "/admin/characters", label: "Characters", icon: VenetianMask },
  { href: "/admin/genres", label: "Genres", icon: Tags },
  { href: "/admin/countries", label: "Countries", icon: Flag },
  { href: "/admin/files", label: "Files", icon: FileImage },
  { href: "/admin/users", label: "Users", icon: UsersRound, adminOnly: true },
];

/** The admin sections: a sidebar on desktop, a scrolling strip on phones. */
export function AdminNav({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="lg:sticky lg:top-20">
      <ul className="-mx-4 flex gap-1 overflow-x-auto px-4 pb-2 text-sm font-medium lg:mx-0 lg:flex-col lg:overflow-visible lg:px-0">
        {ITEMS.filter((item) => isAdmin || !item.adminOnly).map(({ href, label, icon: Icon, exact }) => {
          const current = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href} className="shrink-0">
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`flex items-center gap-2.5 rounded-lg px-3 py-2 ${current ? "bg-surface-muted text-foreground" : "text-muted hover:bg-surface-muted hover:text-foreground"}`}
              >
                <Icon aria-hidden className={`size-4 ${current ? "text-accent" : ""}`} />
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
