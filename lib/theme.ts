/**
 * The reader's colour theme: a `theme` cookie (light or dark; absent means "follow the system"), applied as
 * `data-theme` on <html> before the first paint by THEME_SCRIPT, an inline script in the root layout's <head>. The
 * server never reads the cookie: public pages are one cached document for everyone, and stay so.
 */
export const THEME_COOKIE = "theme";
export const THEMES = ["light", "dark", "system"] as const;
export type Theme = (typeof THEMES)[number];
/** About 400 days, the longest a browser keeps a cookie. */
export const THEME_MAX_AGE = 60 * 60 * 24 * 400;

/** Blocking, in <head>: the saved choice, if any, on <html> before anything is painted. Its hash is in the CSP. */
export const THEME_SCRIPT = `try{var m=/(?:^|;\\s*)${THEME_COOKIE}=(light|dark)(?:;|$)/.exec(document.cookie);if(m)document.documentElement.dataset.theme=m[1]}catch(e){}`;

/** In the browser: saves the choice and shows it at once (no reload). */
export function applyTheme(theme: Theme) {
  const root = document.documentElement;
  const secure = location.protocol === "https:" ? "; secure" : "";
  if (theme === "system") {
    delete root.dataset.theme;
    document.cookie = `${THEME_COOKIE}=; path=/; max-age=0; samesite=lax${secure}`;
  } else {
    root.dataset.theme = theme;
    document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=${THEME_MAX_AGE}; samesite=lax${secure}`;
  }
}
