/**
 * One log line per kind of refused request, at most every 10 s with a count of the others: a flood of malformed
 * requests is visible in the log without filling it (the requests themselves get their 4xx regardless).
 */
const QUIET_MS = 10_000;

export class RefusalLog {
  private readonly kinds = new Map<string, { at: number; suppressed: number }>();

  constructor(private readonly write: (line: string) => void = (line) => console.warn(line)) {}

  note(kind: string, detail: string, now = Date.now()) {
    const seen = this.kinds.get(kind);
    if (seen && now - seen.at < QUIET_MS) {
      seen.suppressed++;
      return;
    }
    const more = seen?.suppressed ? ` (and ${seen.suppressed} more like it in the last ${Math.round((now - seen.at) / 1000)} s)` : "";
    this.kinds.set(kind, { at: now, suppressed: 0 });
    this.write(`[marquee] refused ${kind}: ${detail.slice(0, 200)}${more}`);
  }
}
