"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useTransition } from "react";

type Navigate = (href: string, options?: { scroll?: boolean }) => void;

const PendingContext = createContext<Navigate | null>(null);

/** Navigation that marks the surrounding PendingRegion busy until the next page has rendered. */
export function usePendingNavigate(): Navigate {
  const router = useRouter();
  return useContext(PendingContext) ?? ((href, options) => router.push(href, options));
}

/**
 * Feedback while a link or form inside this region loads the next page (filters, pagination, sort order): the
 * region gets aria-busy and `data-pending`, which children style (`group-data-[pending]:opacity-60`).
 *
 * Why not loading.tsx: a route-level loading boundary makes the first response stream the page into a hidden
 * <div> that only an inline script reveals, so without JavaScript the skeleton never goes away, and the status
 * code (200) is sent before the page can answer 404 or redirect. Here, links are followed in a transition that
 * stays pending until the new page has rendered; without JavaScript nothing of this runs and links are links.
 * A link marked `data-scroll="false"` keeps the scroll position.
 */
export function PendingRegion({ children, className }: { children: React.ReactNode; className?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const navigate: Navigate = (href, options) => startTransition(() => router.push(href, options));

  return (
    <PendingContext value={navigate}>
      <div
        className={`group ${className ?? ""}`}
        aria-busy={pending || undefined}
        data-pending={pending || undefined}
        onClickCapture={(event) => {
          const link = (event.target as Element).closest?.("a[href]") as HTMLAnchorElement | null;
          if (!link || link.target || link.hasAttribute("download")) return;
          if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
          const url = new URL(link.href);
          const here = window.location;
          // Other sites, and links to this very page (a hash jump), keep their normal behaviour.
          if (url.origin !== here.origin || (url.pathname === here.pathname && url.search === here.search)) return;
          event.preventDefault();
          navigate(`${url.pathname}${url.search}${url.hash}`, { scroll: link.dataset.scroll !== "false" });
        }}
      >
        {children}
      </div>
    </PendingContext>
  );
}
