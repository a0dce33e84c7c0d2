/**
 * Generated demo posters, drawn from a palette derived from the title (no image can be downloaded here); people
 * are drawn by portraits.ts. Deterministic: the same input always gives the same bytes.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import sharp from "sharp";

// The Geist typeface ships with the `geist` package: no system fonts are needed.
const fontDir = path.resolve(import.meta.dirname, "..", "..", "node_modules", "geist", "dist", "fonts", "geist-sans");
const FONT_BOLD = path.join(fontDir, "Geist-Bold.ttf");
const FONT_REGULAR = path.join(fontDir, "Geist-Regular.ttf");

function seedOf(text: string): number[] {
  return [...createHash("sha256").update(text).digest()];
}

function hsl(h: number, s: number, l: number) {
  return `hsl(${Math.round(h) % 360} ${s}% ${l}%)`;
}

function escapeMarkup(text: string) {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** With a height, sharp scales the text to fit the box; without one, the markup's sizes apply. */
async function textLayer(markup: string, width: number, height: number | undefined, bold: boolean, align: "left" | "centre" = "left") {
  const { data, info } = await sharp({
    text: {
      text: markup,
      font: bold ? "Geist Bold" : "Geist",
      fontfile: bold ? FONT_BOLD : FONT_REGULAR,
      width,
      ...(height ? { height } : { dpi: 72 }),
      rgba: true,
      wrap: "word",
      align,
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { input: data, width: info.width, height: info.height };
}

/** The two hues of a film's poster: the palette of the film, reused by its people's gallery photos. */
export function posterHues(title: string, year: string): [number, number] {
  const b = seedOf(`poster:${title}:${year}`);
  const hue = (b[0] / 255) * 360;
  return [hue, hue + 30 + (b[1] / 255) * 120];
}

export async function renderPoster(input: { title: string; year: string; director?: string }): Promise<Buffer> {
  const W = 500;
  const H = 750;
  const b = seedOf(`poster:${input.title}:${input.year}`);
  const [hue, hue2] = posterHues(input.title, input.year);
  const dark = hsl(hue, 45, 12);
  const mid = hsl(hue2, 55, 32);
  const accent = hsl(hue + 180, 70, 62);
  const motif = b[2] % 3;
  const shapes =
    motif === 0
      ? Array.from({ length: 5 }, (_, i) => `<circle cx="${250 + (b[3 + i] - 128)}" cy="${250 + i * 18}" r="${200 - i * 36}" fill="none" stroke="${accent}" stroke-opacity="${0.18 + i * 0.08}" stroke-width="${2 + (b[8 + i] % 6)}"/>`).join("")
      : motif === 1
        ? Array.from({ length: 9 }, (_, i) => `<rect x="${-100 + i * 80}" y="-50" width="${18 + (b[3 + i] % 30)}" height="900" fill="${accent}" fill-opacity="${0.06 + (b[12 + i] % 10) / 60}" transform="rotate(${-18 + (b[4] % 36)} 250 375)"/>`).join("")
        : `<circle cx="${150 + (b[3] % 200)}" cy="${180 + (b[4] % 120)}" r="${110 + (b[5] % 60)}" fill="${accent}" fill-opacity="0.85"/><path d="M0 ${470 + (b[6] % 60)} Q 250 ${360 + (b[7] % 80)} 500 ${480 + (b[8] % 50)} L500 750 L0 750 Z" fill="${dark}" fill-opacity="0.9"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0.4" y2="1"><stop offset="0" stop-color="${mid}"/><stop offset="1" stop-color="${dark}"/></linearGradient>
    <linearGradient id="fade" x1="0" y1="0" x2="0" y2="1"><stop offset="0.45" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.75"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>${shapes}<rect width="100%" height="100%" fill="url(#fade)"/>
    <rect x="28" y="28" width="${W - 56}" height="${H - 56}" fill="none" stroke="#fff" stroke-opacity="0.18"/></svg>`;
  const titleSize = input.title.length > 40 ? 30 : input.title.length > 22 ? 38 : 48;
  const title = await textLayer(`<span foreground="#ffffff" size="${titleSize}pt" letter_spacing="-600">${escapeMarkup(input.title)}</span>`, W - 96, 300, true);
  const meta = await textLayer(
    `<span foreground="#ffffffcc" size="15pt" letter_spacing="2000">${escapeMarkup(input.year)}${input.director ? `  ·  ${escapeMarkup(input.director.toUpperCase())}` : ""}</span>`,
    W - 96,
    40,
    false,
  );
  return sharp(Buffer.from(svg))
    .composite([
      { input: title.input, left: 48, top: H - 96 - title.height },
      { input: meta.input, left: 48, top: H - 72 },
    ])
    .webp({ quality: 82 })
    .toBuffer();
}
