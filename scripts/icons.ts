/**
 * npm run icons: the site's icons, drawn from the header's logo (Lucide's clapperboard, components/ui/icons) in the
 * light theme's accent, into Next's file conventions under app/ (commit the results):
 *   app/icon.svg         the tab icon of modern browsers: the clapperboard, white on an amber rounded square
 *   app/favicon.ico      16, 32 and 48 px PNGs in an ICO container, for /favicon.ico (asked for by every browser)
 *   app/apple-icon.png   180 px, opaque and square (iOS rounds the corners itself)
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

/** The light theme's --accent, oklch(0.555 0.163 49), in sRGB. */
const ACCENT = "#bb4d00";
const GLYPH = "#ffffff";
/** components/ui/icons/clapperboard.tsx, on its 24 × 24 grid. */
const CLAPPERBOARD = [
  "m12.296 3.464 3.02 3.956",
  "M20.2 6 3 11l-.9-2.4c-.3-1.1.3-2.2 1.3-2.5l13.5-4c1.1-.3 2.2.3 2.5 1.3z",
  "M3 11h18v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z",
  "m6.18 5.276 3.1 3.899",
];

/** The glyph on a square of `size` units, inset by `inset` units, the square's corners rounded by `radius`. */
function drawing({ radius, inset }: { radius: number; inset: number }): string {
  const scale = (32 - 2 * inset) / 24;
  const paths = CLAPPERBOARD.map((d) => `<path d="${d}"/>`).join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">`,
    `<rect width="32" height="32" rx="${radius}" fill="${ACCENT}"/>`,
    `<g transform="translate(${inset} ${inset}) scale(${scale})" fill="none" stroke="${GLYPH}" stroke-width="2.25" stroke-linecap="round" stroke-linejoin="round">${paths}</g>`,
    `</svg>`,
  ].join("");
}

const png = (svg: string, size: number, opaque = false) => {
  const image = sharp(Buffer.from(svg), { density: (72 * size) / 32 }).resize(size, size);
  return (opaque ? image.removeAlpha() : image).png({ compressionLevel: 9 }).toBuffer();
};

/** An ICO file whose images are PNGs (allowed since Windows Vista, read by every current browser). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // width (0 means 256)
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1); // height
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

const app = path.join(import.meta.dirname, "..", "app");
const tab = drawing({ radius: 7, inset: 5 });
writeFileSync(path.join(app, "icon.svg"), tab + "\n");
// Small sizes get a thinner margin so the glyph keeps a few pixels more.
const small = drawing({ radius: 6, inset: 4 });
const sizes = [16, 32, 48];
writeFileSync(path.join(app, "favicon.ico"), ico(await Promise.all(sizes.map(async (size) => ({ size, data: await png(small, size) })))));
writeFileSync(path.join(app, "apple-icon.png"), await png(drawing({ radius: 0, inset: 6 }), 180, true));
console.log("icons: app/icon.svg, app/favicon.ico (16, 32, 48 px), app/apple-icon.png (180 px)");
