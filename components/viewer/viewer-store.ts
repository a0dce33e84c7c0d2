"use client";

/**
 * What the signed-in viewer's islands show (the header's menu, the hearts, the person page's favorites line), kept
 * in the browser. Public pages are one document for everyone, so nothing on them knows the viewer; the islands ask
 * GET /api/viewer once per page (one request for every heart on it), and again after each navigation, since signing
 * in or out changes the answer. Memory of this tab only: the server keeps nothing.
 */
import { useEffect, useSyncExternalStore } from "react";
import { viewerQuery, type PersonFavorites, type ViewerResponse, type ViewerSummary } from "@/lib/viewer";

export type ViewerState = {
  /** unknown: not asked yet (or the answer is still on its way); ready: the server answered. */
  status: "unknown" | "ready";
  viewer: ViewerSummary | null;
  favorites: ReadonlyMap<number, boolean>;
  person: PersonFavorites | null;
};

const EMPTY: ViewerState = { status: "unknown", viewer: null, favorites: new Map(), person: null };
const REMEMBERED = "marquee:viewer";

let state: ViewerState = EMPTY;
const listeners = new Set<() => void>();
/** Movies and people whose islands are on the page now (a count: the same film can appear twice). */
const watchedMovies = new Map<number, number>();
const watchedPeople = new Map<number, number>();
let timer: ReturnType<typeof setTimeout> | null = null;
let sequence = 0;

function set(next: ViewerState) {
  state = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The last answer of this tab, so the header shows the member's avatar at once on the next page load. */
function remembered(): ViewerSummary | null {
  try {
    const raw = sessionStorage.getItem(REMEMBERED);
    return raw ? (JSON.parse(raw) as ViewerSummary) : null;
  } catch {
    return null;
  }
}

function remember(viewer: ViewerSummary | null) {
  try {
    if (viewer) sessionStorage.setItem(REMEMBERED, JSON.stringify(viewer));
    else sessionStorage.removeItem(REMEMBERED);
  } catch {
    // Storage disabled: the header waits for the answer instead.
  }
}

let initialised = false;
function getSnapshot(): ViewerState {
  if (!initialised && typeof window !== "undefined") {
    initialised = true;
    const viewer = remembered();
    if (viewer) state = { ...state, viewer };
  }
  return state;
}

const getServerSnapshot = () => EMPTY;

async function ask() {
  timer = null;
  const id = ++sequence;
  const people = [...watchedPeople.keys()];
  const person = people.length ? people[people.length - 1] : null;
  const asked = [...watchedMovies.keys()];
  let body: ViewerResponse;
  try {
    const response = await fetch(`/api/viewer${viewerQuery(asked, person)}`, { cache: "no-store", credentials: "same-origin" });
    if (!response.ok) throw new Error(`status ${response.status}`);
    body = (await response.json()) as ViewerResponse;
  } catch {
    // Offline or the server away: the islands keep what they show (signed-out hearts still send to sign in).
    if (id === sequence) set({ ...state, status: "ready" });
    return;
  }
  if (id !== sequence) return; // a newer question is on its way
  remember(body.viewer);
  if (!body.viewer) return set({ status: "ready", viewer: null, favorites: new Map(), person: null });
  // Another account than before (signed in or out meanwhile): nothing known about the old one still holds.
  const sameViewer = state.viewer?.id === body.viewer.id;
  const favorites = new Map(sameViewer ? state.favorites : []);
  const yes = new Set(body.favorites);
  for (const movie of asked) favorites.set(movie, yes.has(movie));
  set({ status: "ready", viewer: body.viewer, favorites, person: body.person });
}

/** Asks the server soon, once for everything that mounted meanwhile. */
export function refreshViewer() {
  if (typeof window === "undefined") return;
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void ask(), 0);
}

/** Before a sign-out: forget the member at once (the menu and hearts show the signed-out page). */
export function forgetViewer() {
  sequence++;
  remember(null);
  set({ ...EMPTY, status: "ready" });
}

/** After a heart's write: every heart of that film shows it, and the person line is counted again. */
export function setFavorite(movieId: number, favorite: boolean) {
  const favorites = new Map(state.favorites);
  favorites.set(movieId, favorite);
  set({ ...state, favorites });
  if (watchedPeople.size) refreshViewer();
}

function watch(map: Map<number, number>, id: number) {
  map.set(id, (map.get(id) ?? 0) + 1);
  return () => {
    const left = (map.get(id) ?? 1) - 1;
    if (left <= 0) map.delete(id);
    else map.set(id, left);
  };
}

export function useViewerState(): ViewerState {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}

/** A heart: whether the viewer has this film (undefined until known), asked together with the page's others. */
export function useFavorite(movieId: number): boolean | undefined {
  const current = useViewerState();
  useEffect(() => {
    const unwatch = watch(watchedMovies, movieId);
    if (!state.favorites.has(movieId)) refreshViewer();
    return unwatch;
  }, [movieId]);
  return current.viewer ? current.favorites.get(movieId) : undefined;
}

/** The person page's line: how many of this person's films are in the viewer's favorites (null until known). */
export function usePersonFavorites(personId: number): PersonFavorites | null {
  const current = useViewerState();
  useEffect(() => {
    const unwatch = watch(watchedPeople, personId);
    refreshViewer();
    return unwatch;
  }, [personId]);
  return current.viewer && current.person?.id === personId ? current.person : null;
}
