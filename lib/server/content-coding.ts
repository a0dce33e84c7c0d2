/** Which compressed copy to send for an Accept-Encoding header: brotli, then gzip, when the client takes it (q > 0). */
export function pickEncoding(header: string, available: { br: boolean; gzip: boolean }): "br" | "gzip" | null {
  const accepted = new Map<string, number>();
  for (const token of header.toLowerCase().split(",")) {
    const [coding, ...params] = token.split(";").map((part) => part.trim());
    if (!coding) continue;
    const q = params.find((param) => param.startsWith("q="));
    accepted.set(coding, q ? Number(q.slice(2)) || 0 : 1);
  }
  const takes = (coding: string) => (accepted.get(coding) ?? accepted.get("*") ?? 0) > 0;
  if (available.br && takes("br")) return "br";
  if (available.gzip && takes("gzip")) return "gzip";
  return null;
}
