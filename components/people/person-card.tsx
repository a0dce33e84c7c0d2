import { Image } from "@/components/ui/image";
import Link from "next/link";
import { UserRound } from "@/components/ui/icons/user-round";
import { personHref } from "@/lib/slug";

export type PersonCardData = {
  id: number;
  name: string;
  photoUrl: string | null;
  /** A short second line: "Director · 12 films", "as Vito Corleone", a country... */
  detail?: string | null;
};

/** The one card for a person, used wherever people are listed. */
export function PersonCard({ person, priority = false }: { person: PersonCardData; priority?: boolean }) {
  return (
    <article className="group relative flex flex-col gap-2" data-testid="person-card">
      <div className="relative aspect-[4/5] overflow-hidden rounded-lg bg-surface-muted ring-1 ring-border/60">
        {person.photoUrl ? (
          <Image
            src={person.photoUrl}
            alt={`Photo of ${person.name}`}
            fill
            sizes="(min-width: 1280px) 180px, (min-width: 768px) 20vw, 45vw"
            className="object-cover transition duration-300 group-hover:scale-[1.03]"
            priority={priority}
          />
        ) : (
          <div className="flex h-full items-center justify-center text-muted">
            <UserRound aria-hidden className="size-10" />
            <span className="sr-only">No photo</span>
          </div>
        )}
      </div>
      <div className="min-w-0">
        <h3 className="truncate text-sm font-semibold leading-snug" title={person.name}>
          <Link href={personHref(person)} className="after:absolute after:inset-0 after:content-[''] hover:text-accent-strong focus-visible:outline-none focus-visible:after:rounded-lg focus-visible:after:outline-2 focus-visible:after:outline-ring">
            {person.name}
          </Link>
        </h3>
        {person.detail ? <p className="truncate text-xs text-muted">{person.detail}</p> : null}
      </div>
    </article>
  );
}

export function PersonGrid({ people }: { people: PersonCardData[] }) {
  return (
    <ul className="grid grid-cols-2 gap-x-4 gap-y-6 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-6">
      {people.map((p) => (
        <li key={p.id}>
          <PersonCard person={p} />
        </li>
      ))}
    </ul>
  );
}
