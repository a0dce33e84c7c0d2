"use client";

import { useSyncExternalStore } from "react";
import { Monitor } from "@/components/ui/icons/monitor";
import { Moon } from "@/components/ui/icons/moon";
import { Sun } from "@/components/ui/icons/sun";
import { applyTheme, type Theme } from "@/lib/theme";

// Which option looks chosen comes from <html data-theme> in CSS, so it is right before hydration too.
const OPTIONS = [
  { value: "light", label: "Light", Icon: Sun, chosen: "[html[data-theme=light]_&]:bg-surface [html[data-theme=light]_&]:text-foreground [html[data-theme=light]_&]:shadow-sm" },
  { value: "dark", label: "Dark", Icon: Moon, chosen: "[html[data-theme=dark]_&]:bg-surface [html[data-theme=dark]_&]:text-foreground [html[data-theme=dark]_&]:shadow-sm" },
  { value: "system", label: "System", Icon: Monitor, chosen: "[html:not([data-theme])_&]:bg-surface [html:not([data-theme])_&]:text-foreground [html:not([data-theme])_&]:shadow-sm" },
] as const;

const watch = (onChange: () => void) => {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
};
const current = (): Theme => (document.documentElement.dataset.theme as Theme | undefined) ?? "system";

/**
 * Light, dark or follow the system: a click applies and saves the choice at once. Hidden when scripts don't run:
 * the saved choice is applied by a script (the server never reads it, so that cached pages are the same for all),
 * and the system's theme applies without one.
 */
export function ThemeSwitch() {
  const theme = useSyncExternalStore(watch, current, () => null);
  return (
    <div role="group" aria-label="Colour theme" className="inline-flex self-start rounded-full bg-surface-muted p-1 ring-1 ring-border sm:self-auto [@media(scripting:none)]:hidden">
      {OPTIONS.map(({ value, label, Icon, chosen }) => (
        <button
          key={value}
          type="button"
          aria-pressed={theme === null ? undefined : theme === value}
          onClick={() => applyTheme(value)}
          className={`inline-flex h-8 items-center gap-1.5 rounded-full px-3 text-sm font-medium text-muted hover:text-foreground ${chosen}`}
          data-testid={`theme-${value}`}
        >
          <Icon aria-hidden className="size-4" />
          {label}
        </button>
      ))}
    </div>
  );
}
