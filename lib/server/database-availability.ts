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
    let answered: boolean;
    try {
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS)));
      await Promise.race([this.sql()`select 1`, timeout]);
      answered = true;
    } catch (error) {
      answered = false;
      if (this.up) this.log(`[marquee] PostgreSQL does not answer (${(error as Error).message}): answering 503 until it does`);
    } finally {
      clearTimeout(timer);
    }
    if (answered && !this.up) this.log("[marquee] PostgreSQL answers again");
    this.up = answered;
    return answered;
  }
}
