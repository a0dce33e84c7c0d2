/**
 * JSON-LD for <script type="application/ld+json">. JSON.stringify alone is not safe inside a script element: a
 * title containing "</script>" would end it. Escaping <, > and & as \u escapes keeps the JSON identical once parsed
 * and leaves no markup in the element; U+2028/U+2029 are escaped for old JavaScript parsers that read the block.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Props for a JSON-LD script element: `<script {...jsonLdScriptProps(data)} />`. */
export function jsonLdScriptProps(data: unknown) {
  return { type: "application/ld+json", dangerouslySetInnerHTML: { __html: serializeJsonLd(data) } } as const;
}

/** ISO 8601 duration from minutes: 175 → "PT2H55M", 45 → "PT45M", 120 → "PT2H". */
export function isoDuration(minutes: number | null | undefined): string | undefined {
  if (!minutes || minutes <= 0 || !Number.isFinite(minutes)) return undefined;
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return `PT${h ? `${h}H` : ""}${m || !h ? `${m}M` : ""}`;
}
