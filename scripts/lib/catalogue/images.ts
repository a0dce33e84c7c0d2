/**
 * Artwork for the synthetic catalogue: abstract posters, portraits and landscape gallery photos without any
 * text (they are shared by many rows, see BENCHMARKS.md), so they are fast to render: a few milliseconds each.
 */
import sharp from "sharp";
import { Rng } from "./random";

export type ImageKind = "poster" | "portrait" | "gallery";

const SIZES: Record<ImageKind, [number, number]> = { poster: [500, 750], portrait: [480, 600], gallery: [720, 480] };

const hsl = (h: number, s: number, l: number) => `hsl(${Math.round(h) % 360} ${s}% ${l}%)`;

function posterSvg(r: Rng, w: number, h: number): string {
  const hue = r.int(360);
  const accent = hsl(hue + 150 + r.int(60), 70, 60);
  const shapes = Array.from({ length: 3 + r.int(5) }, () =>
    r.chance(0.5)
      ? `<circle cx="${r.int(w)}" cy="${r.int(h)}" r="${40 + r.int(220)}" fill="${accent}" fill-opacity="${(0.15 + r.next() * 0.6).toFixed(2)}"/>`
      : `<rect x="${r.int(w) - 100}" y="-100" width="${20 + r.int(90)}" height="${h + 200}" fill="${accent}" fill-opacity="${(0.1 + r.next() * 0.4).toFixed(2)}" transform="rotate(${r.int(60) - 30} ${w / 2} ${h / 2})"/>`,
  ).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs><linearGradient id="g" x1="0" y1="0" x2="0.3" y2="1"><stop offset="0" stop-color="${hsl(hue, 50, 35)}"/><stop offset="1" stop-color="${hsl(hue + 30, 45, 10)}"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${shapes}<rect x="24" y="24" width="${w - 48}" height="${h - 48}" fill="none" stroke="#fff" stroke-opacity="0.2"/></svg>`;
}

function portraitSvg(r: Rng, w: number, h: number): string {
  const hue = r.int(360);
  const figure = hsl(hue + 180 + r.int(60), 25, 15 + r.int(20));
  const cx = w / 2 + (w > h ? r.int(w / 2) - w / 4 : 0);
  const head = Math.round(Math.min(w, h) * (0.16 + r.next() * 0.05));
  const cy = Math.round(h * 0.42);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs><radialGradient id="g" cx="0.4" cy="0.3" r="0.9"><stop offset="0" stop-color="${hsl(hue, 35, 72)}"/><stop offset="1" stop-color="${hsl(hue + 40, 40, 32)}"/></radialGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="${cx}" cy="${cy}" r="${head}" fill="${figure}"/><path d="M${cx - head * 2.3} ${h} C ${cx - head * 2.2} ${cy + head * 1.3}, ${cx - head} ${cy + head * 1.1}, ${cx} ${cy + head * 1.1} C ${cx + head} ${cy + head * 1.1}, ${cx + head * 2.2} ${cy + head * 1.3}, ${cx + head * 2.3} ${h} Z" fill="${figure}"/></svg>`;
}

/** The same kind, index and seed always give the same bytes. */
export async function renderArtwork(kind: ImageKind, index: number, seed: string): Promise<Buffer> {
  const [w, h] = SIZES[kind];
  const r = new Rng(`${seed}:image:${kind}:${index}`);
  const svg = kind === "poster" ? posterSvg(r, w, h) : portraitSvg(r, w, h);
  // effort 2: a third of the default's encoding time, files about as small for such flat artwork.
  return sharp(Buffer.from(svg)).webp({ quality: 75, effort: 2 }).toBuffer();
}
