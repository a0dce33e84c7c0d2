"use client";

import { Image } from "@/components/ui/image";
import Link from "next/link";
import { UserRound } from "@/components/ui/icons/user-round";
import type { CastActor, CastEntry } from "@/db/queries/movie-detail";
import { characterHref, personHref } from "@/lib/slug";
import { groupCast } from "./cast-roles";

/**
 * The full cast, by billing group: each character with the actor or actors who played it and their age then.
 * A client component only so that the page's RSC payload carries the cast as data rather than as its rendered
 * element tree (about a fifth of the bytes for a large cast); the HTML is server-rendered all the same.
 */
export function CastList({ cast }: { cast: CastEntry[] }) {
  const groups = groupCast(cast);
  const showHeadings = groups.length > 1;
  return (
    <div className="space-y-10">
      {groups.map((group) => (
        <div key={group.heading}>
          {showHeadings ? (
            <h3 className="mb-4 text-sm font-semibold uppercase tracking-[0.14em] text-muted">
              {group.heading}
            </h3>
          ) : null}
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
            {group.members.map((character) => (
              <CastCard key={character.id} character={character} />
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

function CastCard({ character }: { character: CastEntry }) {
  return (
    <li data-testid="cast-entry" className="rounded-xl border border-border/70 bg-surface p-3 shadow-xs">
      <p className="px-0.5 font-semibold leading-snug">
        <Link href={characterHref(character)} className="rounded-sm underline-offset-4 hover:text-accent-strong hover:underline">
          {character.name}
        </Link>
      </p>
      {character.actors.length ? (
        <ul aria-label="Played by" className="mt-2.5 space-y-2">
          {character.actors.map((actor) => (
            <ActorRow key={actor.id} actor={actor} />
          ))}
        </ul>
      ) : (
        <p className="mt-1 px-0.5 text-sm text-muted">Actor not yet credited</p>
      )}
    </li>
  );
}

function ActorRow({ actor }: { actor: CastActor }) {
  return (
    <li className="group/actor relative flex items-center gap-3">
      <div className="relative h-[3.25rem] w-[2.625rem] shrink-0 overflow-hidden rounded-md bg-surface-muted ring-1 ring-border/60">
        {actor.photoUrl ? (
          // Decorative: the actor's name, right beside it, is the link's text.
          <Image src={actor.photoUrl} alt="" width={42} height={52} className="size-full object-cover" />
        ) : (
          <UserRound aria-hidden className="absolute inset-0 m-auto size-5 text-muted" />
        )}
      </div>
      <div className="min-w-0">
        {/* The link covers the whole row, photo included, while staying one accessible link. */}
        <Link
          href={personHref(actor)}
          className="block truncate text-sm font-medium text-foreground/90 after:absolute after:inset-0 after:rounded-md after:content-[''] group-hover/actor:text-accent-strong focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:outline-offset-2 focus-visible:after:outline-ring"
        >
          {actor.name}
        </Link>
        {actor.ageAtRelease !== null ? <p className="text-xs text-muted">Age {actor.ageAtRelease} at release</p> : null}
      </div>
    </li>
  );
}
