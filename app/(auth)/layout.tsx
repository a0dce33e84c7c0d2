import { Clapperboard } from "@/components/ui/icons/clapperboard";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="mx-auto flex w-full max-w-md flex-col px-4 py-12 sm:py-16">
      <div className="rounded-2xl border border-border bg-surface p-6 shadow-sm sm:p-8">
        <Clapperboard aria-hidden className="mb-4 size-8 text-accent" />
        {children}
      </div>
    </div>
  );
}
