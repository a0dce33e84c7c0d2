/**
 * Generated demo photos of people: a stylised head-and-shoulders figure (pose, hair, clothes, light and backdrop
 * vary) for portraits, and for galleries also film-still-like scenes (landscapes, a city at night, a stage) in the
 * palette of the person's films. SVG drawn by sharp, no text (fast). Deterministic: same input, same bytes.
 */
import { createHash } from "node:crypto";
import sharp from "sharp";

type Rng = { next: () => number; pick: <T>(items: readonly T[]) => T; between: (lo: number, hi: number) => number };

/** A small seeded generator (mulberry32) over a hash of the seed text. */
function rngOf(text: string): Rng {
  let state = createHash("sha256").update(text).digest().readUInt32LE(0);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: (items) => items[Math.floor(next() * items.length)], between: (lo, hi) => lo + next() * (hi - lo) };
}

const hsl = (h: number, s: number, l: number, a = 1) => `hsl(${Math.round(((h % 360) + 360) % 360)} ${Math.round(s)}% ${Math.round(l)}%${a < 1 ? ` / ${a}` : ""})`;
const f = (n: number) => n.toFixed(1);

const SKIN = [
  [28, 55, 78],
  [25, 45, 66],
  [22, 42, 54],
  [20, 40, 42],
  [18, 38, 32],
  [30, 50, 72],
] as const;

type Figure = { cx: number; headY: number; scale: number; tilt: number; lightLeft: boolean; rng: Rng; hue: number; gender?: string };

/** Head, neck, shoulders, hair and clothes; light from one side. Scale 1: head ~120 px wide. */
function figure({ cx, headY, scale: s, tilt, lightLeft, rng, hue, gender }: Figure, id: string): string {
  const [sh, ss, sl] = rng.pick(SKIN);
  const hairL = rng.pick([12, 18, 26, 40, 62, 78]);
  const hair = hsl(rng.pick([25, 30, 35, 0, 40]), hairL > 70 ? 25 : 35, hairL);
  const cloth = hsl(hue + rng.between(-30, 30), rng.between(15, 45), rng.between(14, 38));
  const shirt = rng.pick(["#f3efe6", "#1b1b1d", hsl(hue + 160, 25, 70), "none"]);
  const style = gender === "male" ? rng.pick(["short", "short", "swept", "hat", "bald"]) : gender === "female" ? rng.pick(["long", "long", "bun", "bob", "swept"]) : rng.pick(["short", "long", "bun", "bob", "swept", "hat"]);
  const rx = 58 * s;
  const ry = 74 * s;
  const neckY = headY + ry * 0.75;
  const shoulderY = headY + ry * 1.55;
  const sw = rx * 2.9;
  const lit = lightLeft ? 0 : 1;
  const skinGrad = `<linearGradient id="${id}s" x1="${lit}" y1="0" x2="${1 - lit}" y2="0.2"><stop offset="0" stop-color="${hsl(sh, ss, sl + 10)}"/><stop offset="0.55" stop-color="${hsl(sh, ss, sl)}"/><stop offset="1" stop-color="${hsl(sh, ss - 5, sl - 22)}"/></linearGradient>`;
  const clothGrad = `<linearGradient id="${id}c" x1="${lit}" y1="0" x2="${1 - lit}" y2="0.3"><stop offset="0" stop-color="${cloth}" stop-opacity="1"/><stop offset="1" stop-color="#000" stop-opacity="0.85"/></linearGradient>`;
  const body = `<path d="M${f(cx - sw)} 2000 L${f(cx - sw)} ${f(shoulderY + ry * 0.9)} C${f(cx - sw)} ${f(shoulderY)}, ${f(cx - rx * 1.2)} ${f(shoulderY - ry * 0.15)}, ${f(cx - rx * 0.5)} ${f(shoulderY - ry * 0.2)} L${f(cx + rx * 0.5)} ${f(shoulderY - ry * 0.2)} C${f(cx + rx * 1.2)} ${f(shoulderY - ry * 0.15)}, ${f(cx + sw)} ${f(shoulderY)}, ${f(cx + sw)} ${f(shoulderY + ry * 0.9)} L${f(cx + sw)} 2000 Z"`;
  const neck = `<path d="M${f(cx - rx * 0.42)} ${f(neckY - ry * 0.2)} L${f(cx - rx * 0.5)} ${f(shoulderY)} Q${f(cx)} ${f(shoulderY + ry * 0.35)} ${f(cx + rx * 0.5)} ${f(shoulderY)} L${f(cx + rx * 0.42)} ${f(neckY - ry * 0.2)} Z" fill="url(#${id}s)"/>`;
  const collar =
    shirt === "none"
      ? ""
      : `<path d="M${f(cx - rx * 0.55)} ${f(shoulderY - ry * 0.18)} L${f(cx)} ${f(shoulderY + ry * 0.75)} L${f(cx + rx * 0.55)} ${f(shoulderY - ry * 0.18)} Z" fill="${shirt}" fill-opacity="0.92"/>`;
  const lapels = `<path d="M${f(cx - rx * 0.6)} ${f(shoulderY - ry * 0.17)} L${f(cx - rx * 0.05)} ${f(shoulderY + ry * 0.9)} L${f(cx - rx * 0.9)} ${f(shoulderY + ry * 0.4)} Z M${f(cx + rx * 0.6)} ${f(shoulderY - ry * 0.17)} L${f(cx + rx * 0.05)} ${f(shoulderY + ry * 0.9)} L${f(cx + rx * 0.9)} ${f(shoulderY + ry * 0.4)} Z" fill="#000" fill-opacity="0.22"/>`;
  const behind =
    style === "long"
      ? `<path d="M${f(cx - rx * 1.15)} ${f(headY - ry * 0.2)} C${f(cx - rx * 1.4)} ${f(headY + ry * 1.2)}, ${f(cx - rx * 1.3)} ${f(shoulderY + ry * 0.5)}, ${f(cx - rx * 0.9)} ${f(shoulderY + ry * 0.6)} L${f(cx + rx * 0.9)} ${f(shoulderY + ry * 0.6)} C${f(cx + rx * 1.3)} ${f(shoulderY + ry * 0.5)}, ${f(cx + rx * 1.4)} ${f(headY + ry * 1.2)}, ${f(cx + rx * 1.15)} ${f(headY - ry * 0.2)} Z" fill="${hair}"/>`
      : style === "bun"
        ? `<circle cx="${f(cx + rx * 0.2)}" cy="${f(headY - ry * 1.05)}" r="${f(rx * 0.45)}" fill="${hair}"/>`
        : "";
  const top =
    style === "bald"
      ? `<path d="M${f(cx - rx * 1.02)} ${f(headY + ry * 0.05)} Q${f(cx - rx)} ${f(headY - ry * 0.5)} ${f(cx - rx * 0.7)} ${f(headY - ry * 0.55)} L${f(cx - rx * 0.85)} ${f(headY + ry * 0.1)} Z" fill="${hair}" fill-opacity="0.8"/>`
      : style === "hat"
        ? `<ellipse cx="${f(cx)}" cy="${f(headY - ry * 0.55)}" rx="${f(rx * 1.65)}" ry="${f(ry * 0.16)}" fill="${hsl(hue, 15, 14)}"/><path d="M${f(cx - rx * 0.95)} ${f(headY - ry * 0.55)} L${f(cx - rx * 0.8)} ${f(headY - ry * 1.25)} Q${f(cx)} ${f(headY - ry * 1.45)} ${f(cx + rx * 0.8)} ${f(headY - ry * 1.25)} L${f(cx + rx * 0.95)} ${f(headY - ry * 0.55)} Z" fill="${hsl(hue, 15, 18)}"/><rect x="${f(cx - rx * 0.93)}" y="${f(headY - ry * 0.72)}" width="${f(rx * 1.86)}" height="${f(ry * 0.14)}" fill="${hsl(hue + 180, 30, 30)}"/>`
        : style === "bob"
          ? `<path d="M${f(cx - rx * 1.12)} ${f(headY + ry * 0.55)} C${f(cx - rx * 1.35)} ${f(headY - ry * 1.3)}, ${f(cx + rx * 1.35)} ${f(headY - ry * 1.3)}, ${f(cx + rx * 1.12)} ${f(headY + ry * 0.55)} L${f(cx + rx * 0.8)} ${f(headY + ry * 0.5)} Q${f(cx + rx * 0.6)} ${f(headY - ry * 0.5)} ${f(cx - rx * 0.3)} ${f(headY - ry * 0.55)} Q${f(cx - rx * 0.8)} ${f(headY - ry * 0.3)} ${f(cx - rx * 0.8)} ${f(headY + ry * 0.5)} Z" fill="${hair}"/>`
          : style === "swept"
            ? `<path d="M${f(cx - rx * 1.04)} ${f(headY + ry * 0.05)} C${f(cx - rx * 1.25)} ${f(headY - ry * 1.25)}, ${f(cx + rx * 0.9)} ${f(headY - ry * 1.45)}, ${f(cx + rx * 1.08)} ${f(headY - ry * 0.1)} Q${f(cx + rx * 0.3)} ${f(headY - ry * 0.75)} ${f(cx - rx * 0.85)} ${f(headY - ry * 0.2)} Z" fill="${hair}"/>`
            : `<path d="M${f(cx - rx * 1.03)} ${f(headY)} C${f(cx - rx * 1.1)} ${f(headY - ry * 1.2)}, ${f(cx + rx * 1.1)} ${f(headY - ry * 1.2)}, ${f(cx + rx * 1.03)} ${f(headY)} Q${f(cx)} ${f(headY - ry * 0.62)} ${f(cx - rx * 1.03)} ${f(headY)} Z" fill="${hair}"/>`;
  const ear = `<ellipse cx="${f(cx + (lightLeft ? rx : -rx) * 0.98)}" cy="${f(headY + ry * 0.08)}" rx="${f(rx * 0.14)}" ry="${f(ry * 0.2)}" fill="${hsl(sh, ss, sl - 14)}"/>`;
  // A soft shadow of the jaw on the neck, and a highlight on the lit cheek.
  const jaw = `<ellipse cx="${f(cx)}" cy="${f(neckY + ry * 0.05)}" rx="${f(rx * 0.5)}" ry="${f(ry * 0.12)}" fill="#000" fill-opacity="0.18"/>`;
  const cheek = `<ellipse cx="${f(cx + (lightLeft ? -rx : rx) * 0.45)}" cy="${f(headY + ry * 0.1)}" rx="${f(rx * 0.28)}" ry="${f(ry * 0.35)}" fill="#fff" fill-opacity="0.08"/>`;
  return `<defs>${skinGrad}${clothGrad}</defs><g transform="rotate(${f(tilt * 0.3)} ${f(cx)} ${f(shoulderY + ry)})">
    ${body} fill="${cloth}"/>${body} fill="url(#${id}c)" fill-opacity="0.55"/>${collar}${lapels}${neck}${jaw}
    <g transform="rotate(${f(tilt)} ${f(cx)} ${f(neckY)})">${behind}${ear}<ellipse cx="${f(cx)}" cy="${f(headY)}" rx="${f(rx)}" ry="${f(ry)}" fill="url(#${id}s)"/>${cheek}${top}</g></g>`;
}

/** Backdrops for portraits: a studio sweep, light through blinds, a bokeh of lights, a window glow. */
function backdrop(kind: number, W: number, H: number, hue: number, rng: Rng, lightLeft: boolean): string {
  const lx = lightLeft ? 0.2 : 0.8;
  const base = `<defs><radialGradient id="bg" cx="${lx}" cy="0.25" r="1.1"><stop offset="0" stop-color="${hsl(hue, 35, 62)}"/><stop offset="0.6" stop-color="${hsl(hue + 20, 35, 34)}"/><stop offset="1" stop-color="${hsl(hue + 40, 40, 14)}"/></radialGradient></defs><rect width="${W}" height="${H}" fill="url(#bg)"/>`;
  if (kind === 1) {
    const angle = rng.between(-30, -12);
    const slats = Array.from({ length: 9 }, (_, i) => `<rect x="-400" y="${f(i * 62 - 120)}" width="${W + 800}" height="26" fill="#fff" fill-opacity="0.13"/>`).join("");
    return `${base}<g transform="rotate(${f(angle)} ${W / 2} ${H / 2})">${slats}</g>`;
  }
  if (kind === 2) {
    const dots = Array.from({ length: 16 }, () => {
      const r = rng.between(12, 46);
      return `<circle cx="${f(rng.between(0, W))}" cy="${f(rng.between(0, H * 0.6))}" r="${f(r)}" fill="${hsl(hue + rng.pick([0, 40, 180, 200]), 80, 75)}" fill-opacity="${f(rng.between(0.12, 0.35))}"/>`;
    }).join("");
    return `<rect width="${W}" height="${H}" fill="${hsl(hue + 200, 30, 12)}"/>${dots}`;
  }
  if (kind === 3) {
    const wx = lightLeft ? W * 0.05 : W * 0.6;
    return `${base}<rect x="${f(wx)}" y="${f(H * 0.08)}" width="${f(W * 0.35)}" height="${f(H * 0.5)}" rx="4" fill="${hsl(hue + 30, 60, 85)}" fill-opacity="0.35"/><path d="M${f(wx + W * 0.175)} ${f(H * 0.08)} V${f(H * 0.58)} M${f(wx)} ${f(H * 0.33)} H${f(wx + W * 0.35)}" stroke="${hsl(hue + 40, 30, 20)}" stroke-width="8"/>`;
  }
  return base;
}

const vignette = (W: number, H: number) =>
  `<defs><radialGradient id="vg" cx="0.5" cy="0.45" r="0.75"><stop offset="0.6" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.45"/></radialGradient></defs><rect width="${W}" height="${H}" fill="url(#vg)"/>`;

export type PhotoInput = { name: string; gender?: string; variant?: number; hues?: number[] };

/** A head-and-shoulders portrait (4:5): the main photo (variant 0) or a gallery portrait with another pose and light. */
function portraitSvg({ name, gender, variant = 0, hues = [] }: PhotoInput, W = 480, H = 600): string {
  const rng = rngOf(`portrait:${name}:${variant}`);
  const personal = rngOf(`person:${name}`);
  const hue = hues.length && variant > 0 ? rng.pick(hues) : personal.between(0, 360) + variant * 47;
  const lightLeft = rng.next() < 0.5;
  const close = variant > 0 && rng.next() < 0.5;
  const scale = close ? rng.between(1.45, 1.7) : rng.between(1.1, 1.3);
  const cx = W / 2 + (variant > 0 ? rng.between(-0.16, 0.16) * W : 0);
  const headY = H * (close ? 0.4 : 0.42);
  // The person keeps their skin, hair and clothes across photos: the figure draws from the personal generator.
  const self = rngOf(`person:${name}:figure`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${backdrop(variant === 0 ? 0 : Math.floor(rng.between(0, 4)), W, H, hue, rng, lightLeft)}${figure(
    { cx, headY, scale, tilt: rng.between(-9, 9), lightLeft, rng: self, hue: personal.between(0, 360), gender },
    "f",
  )}${vignette(W, H)}</svg>`;
}

/** A still-like landscape (3:2) in a film's palette, with the person small on a ridge: hills, sky, a low sun. */
function landscapeSvg(rng: Rng, hue: number, W: number, H: number): string {
  const sunX = rng.between(0.2, 0.8) * W;
  const sunY = rng.between(0.25, 0.5) * H;
  const layers = Array.from({ length: 4 }, (_, i) => {
    const y = H * (0.45 + i * 0.13);
    const pts = Array.from({ length: 7 }, (_, k) => `${f((k / 6) * W)} ${f(y + rng.between(-0.08, 0.08) * H)}`);
    return `<path d="M0 ${H} L${pts.join(" L")} L${W} ${H} Z" fill="${hsl(hue + 10 + i * 8, 30 + i * 5, 42 - i * 9)}"/>`;
  }).join("");
  const personX = rng.between(0.15, 0.85) * W;
  const ground = H * 0.62;
  const person = `<g fill="${hsl(hue, 30, 8)}"><circle cx="${f(personX)}" cy="${f(ground - 46)}" r="7"/><path d="M${f(personX - 9)} ${f(ground - 37)} h18 l3 28 h-6 l-2 26 h-4 l-1 -22 l-1 22 h-4 l-2 -26 h-6 Z"/></g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${hsl(hue + 200, 40, 28)}"/><stop offset="0.7" stop-color="${hsl(hue, 70, 70)}"/></linearGradient><radialGradient id="sun" r="0.5"><stop offset="0" stop-color="${hsl(hue + 20, 90, 88)}"/><stop offset="1" stop-color="${hsl(hue + 20, 90, 70)}" stop-opacity="0"/></radialGradient></defs><rect width="${W}" height="${H}" fill="url(#sky)"/><circle cx="${f(sunX)}" cy="${f(sunY)}" r="${f(H * 0.3)}" fill="url(#sun)"/><circle cx="${f(sunX)}" cy="${f(sunY)}" r="${f(H * 0.07)}" fill="${hsl(hue + 20, 90, 90)}"/>${layers}${person}${vignette(W, H)}</svg>`;
}

/** A city at night (3:2): towers with lit windows in a film's colours, a figure under a street light. */
function citySvg(rng: Rng, hue: number, W: number, H: number): string {
  let x = -10;
  const towers: string[] = [];
  while (x < W) {
    const w = rng.between(40, 110);
    const h = rng.between(0.25, 0.75) * H;
    const lights = Array.from({ length: Math.floor((w * h) / 900) }, () =>
      rng.next() < 0.45 ? `<rect x="${f(x + rng.between(4, w - 10))}" y="${f(H - h + rng.between(6, h - 10))}" width="5" height="7" fill="${hsl(hue + rng.pick([0, 30, 180]), 80, 72)}" fill-opacity="0.85"/>` : "",
    ).join("");
    towers.push(`<rect x="${f(x)}" y="${f(H - h)}" width="${f(w)}" height="${f(h)}" fill="${hsl(hue + 210, 25, rng.between(8, 16))}"/>${lights}`);
    x += w + rng.between(2, 14);
  }
  const lx = rng.between(0.2, 0.8) * W;
  const lamp = `<defs><radialGradient id="pool" r="0.5"><stop offset="0" stop-color="${hsl(hue + 40, 90, 80)}" stop-opacity="0.55"/><stop offset="1" stop-color="${hsl(hue + 40, 90, 60)}" stop-opacity="0"/></radialGradient></defs><circle cx="${f(lx)}" cy="${f(H * 0.55)}" r="${f(H * 0.35)}" fill="url(#pool)"/><rect x="${f(lx - 3)}" y="${f(H * 0.4)}" width="6" height="${f(H * 0.6)}" fill="#0c0c10"/><circle cx="${f(lx)}" cy="${f(H * 0.4)}" r="9" fill="${hsl(hue + 40, 90, 88)}"/>`;
  const px = lx + rng.pick([-1, 1]) * 40;
  const person = `<g fill="#07070a"><circle cx="${f(px)}" cy="${f(H - 92)}" r="11"/><path d="M${f(px - 15)} ${f(H - 78)} h30 l6 50 h-10 l-3 28 h-26 l-3 -28 h-10 Z"/></g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><defs><linearGradient id="night" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${hsl(hue + 220, 45, 10)}"/><stop offset="1" stop-color="${hsl(hue + 250, 40, 26)}"/></linearGradient></defs><rect width="${W}" height="${H}" fill="url(#night)"/>${towers.join("")}${lamp}${person}${vignette(W, H)}</svg>`;
}

/** A stage or premiere (3:2): a spotlight cone on a figure, curtains in a film's colour. */
function stageSvg(rng: Rng, hue: number, W: number, H: number, input: PhotoInput): string {
  const cx = rng.between(0.35, 0.65) * W;
  const folds = Array.from({ length: 14 }, (_, i) => `<rect x="${f((i / 14) * W)}" y="0" width="${f(W / 28)}" height="${H}" fill="#000" fill-opacity="0.18"/>`).join("");
  const cone = `<defs><linearGradient id="cone" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#fff" stop-opacity="0.05"/><stop offset="1" stop-color="#fff" stop-opacity="0.28"/></linearGradient></defs><path d="M${f(cx - 30)} 0 L${f(cx + 30)} 0 L${f(cx + 190)} ${H} L${f(cx - 190)} ${H} Z" fill="url(#cone)"/>`;
  const self = rngOf(`person:${input.name}:figure`);
  const body = figure({ cx, headY: H * 0.42, scale: 0.8, tilt: rng.between(-6, 6), lightLeft: rng.next() < 0.5, rng: self, hue: rngOf(`person:${input.name}`).between(0, 360), gender: input.gender }, "s");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="${W}" height="${H}" fill="${hsl(hue, 55, 22)}"/>${folds}${cone}${body}${vignette(W, H)}</svg>`;
}

/**
 * A person's photo. Variant 0 is the main portrait; gallery variants alternate portraits with scenes in the
 * palette of the person's films (`hues`), so a gallery reads as a set of different photos.
 */
export async function renderPersonPhoto(input: PhotoInput): Promise<Buffer> {
  const variant = input.variant ?? 0;
  const rng = rngOf(`photo:${input.name}:${variant}`);
  const hue = input.hues?.length ? rng.pick(input.hues) : rng.between(0, 360);
  // Gallery order: a portrait first, then scenes and another portrait in a per-person order.
  const kinds = ["landscape", "city", "stage", "portrait"] as const;
  const kind = variant <= 1 ? "portrait" : kinds[(variant - 2 + Math.floor(rngOf(`gallery:${input.name}`).between(0, 4))) % kinds.length];
  const svg =
    kind === "portrait"
      ? portraitSvg(input)
      : kind === "landscape"
        ? landscapeSvg(rng, hue, 720, 480)
        : kind === "city"
          ? citySvg(rng, hue, 720, 480)
          : stageSvg(rng, hue, 720, 480, input);
  // effort 2: a third less CPU than the default for ~10% larger files (a seed of 800 photos runs on first start).
  return sharp(Buffer.from(svg)).webp({ quality: 80, effort: 2 }).toBuffer();
}
