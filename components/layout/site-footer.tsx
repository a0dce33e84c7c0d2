import { ThemeSwitch } from "./theme-switch";

export function SiteFooter() {
  return (
    <footer className="border-t border-border/70">
      <div className="mx-auto flex max-w-7xl flex-col gap-4 px-4 py-8 text-sm text-muted sm:flex-row sm:items-center sm:justify-between sm:px-6 lg:px-8">
        <div className="flex flex-col gap-2">
          <p>Marquee — a catalogue of films and the people who make them.</p>
          <p>Posters and portraits in the demo catalogue are generated artwork.</p>
        </div>
        <ThemeSwitch />
      </div>
    </footer>
  );
}
