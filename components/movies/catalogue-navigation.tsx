"use client";

import { useRouter } from "next/navigation";
import { createContext, use, useCallback, useMemo, useTransition } from "react";
import { LoaderCircle } from "@/components/ui/icons/loader-circle";

type CatalogueNavigation = {
  /** Client-side navigation to another state of the catalogue, as a transition (the old results stay meanwhile). */
  navigate: (href: string) => void;
  pending: boolean;
};

const Context = createContext<CatalogueNavigation>({ navigate: () => {}, pending: false });

export function useCatalogueNavigation(): CatalogueNavigation {
  return use(Context);
}

/** Shares one navigation transition between the filter form, the sort menu and the results they update. */
export function CatalogueNavigationProvider({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const navigate = useCallback(
    (href: string) => {
      const current = window.location.pathname + window.location.search;
      if (href === current) return; // nothing changed: no duplicate history entry
      startTransition(() => router.push(href, { scroll: false }));
    },
    [router],
  );
  const value = useMemo(() => ({ navigate, pending }), [navigate, pending]);
  return <Context value={value}>{children}</Context>;
}

/** The results region: marked busy and dimmed while new results load. */
export function CatalogueResults({ children, ...props }: React.ComponentProps<"section">) {
  const { pending } = useCatalogueNavigation();
  return (
    <section {...props} aria-busy={pending || undefined} data-pending={pending || undefined} className={`min-w-0 transition-opacity duration-200 data-[pending]:opacity-60 data-[pending]:delay-150 ${props.className ?? ""}`}>
      {children}
    </section>
  );
}

/** A small spinner beside the result count while new results load (the count itself is announced when it changes). */
export function CataloguePendingMark() {
  const { pending } = useCatalogueNavigation();
  return pending ? <LoaderCircle aria-hidden className="ml-2 inline size-4 animate-spin align-[-3px] text-muted" /> : null;
}
