import localFont from "next/font/local";

/**
 * Geist, from the `geist` package's files, with `font-display: optional`: the font is preloaded (a Link header), and a
 * first visit whose font arrives after the first paint keeps the size-adjusted fallback for that page instead of
 * swapping. A swap re-wraps the home page's hero text and moved everything below it (CLS 0.21 on a slow phone).
 */
export const geistSans = localFont({
  src: "../node_modules/geist/dist/fonts/geist-sans/Geist-Variable.woff2",
  variable: "--font-geist-sans",
  weight: "100 900",
  display: "optional",
});
