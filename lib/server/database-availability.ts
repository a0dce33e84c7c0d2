/**
 * Whether PostgreSQL answers, as this instance last saw it. While it does not, the production server answers every
 * request that needs it at once with a 503 and a page that needs no JavaScript, instead of letting each request
 * wait on the database driver; a probe every DOWN_INTERVAL_MS notices its return, so the instance (and its health
 * check) is back within a second. The state is each instance's own view of its connection, as a load balancer's
 * health check is: nothing two instances could disagree on about the data.
 */
import type postgres from "postgres";

const UP_INTERVAL_MS = 1_000;
const DOWN_INTERVAL_MS = 200;
const PROBE_TIMEOUT_MS = 1_000;

export class DatabaseAvailability {
  private up = true;
  private silent = false;
  private probing: Promise<boolean> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly sql: () => postgres.Sql,
    private readonly log: (line: string) => void = (line) => console.warn(line),
  ) {}

  get available(): boolean {
    return this.up;
  }

  /** Starts the heartbeat (unref'd: it never keeps the process alive). */
  start() {
    const beat = () => {
      void this.probe().finally(() => {
        this.timer = setTimeout(beat, this.up ? UP_INTERVAL_MS : DOWN_INTERVAL_MS);
        this.timer.unref();
      });
    };
    beat();
  }

  stop() {
    if (this.timer) clearTimeout(this.timer);
  }

  /** Asks the database now (one probe at a time); true when it answered. Also called when a request failed. */
  probe(): Promise<boolean> {
    this.probing ??= this.ask().finally(() => (this.probing = null));
    return this.probing;
  }

  private async ask(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    let outcome: "answered" | "failed" | "silent";
    let reason = "";
    try {
      const timeout = new Promise<"silent">((resolve) => (timer = setTimeout(() => resolve("silent"), PROBE_TIMEOUT_MS)));
      outcome = await Promise.race([this.sql()`select 1`.then(() => "answered" as const), timeout]);
      reason = `no answer within ${PROBE_TIMEOUT_MS} ms, twice`;
    } catch (error) {
      outcome = "failed";
      reason = (error as Error).message;
    } finally {
      clearTimeout(timer);
    }
    // A refused or broken connection is an answer at once. Silence is believed only twice in a row: a busy event
    // loop (a long render) can make one probe's timer fire before its answer is read.
    const silentBefore = this.silent;
    this.silent = outcome === "silent";
    const answered = outcome === "answered" || (outcome === "silent" && !silentBefore && this.up);
    if (!answered && this.up) this.log(`[marquee] PostgreSQL does not answer (${reason}): answering 503 until it does`);
    if (answered && !this.up) this.log("[marquee] PostgreSQL answers again");
    this.up = answered;
    return answered;
  }
}
