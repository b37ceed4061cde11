/** The longest delay setTimeout honours (~24.8 days); later deadlines are re-armed on the way. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export type SchedulerDeps = {
  /** Expires whatever is due; must be idempotent. */
  expireDue(): Promise<unknown>;
  /** The earliest deadline of a pending request, from the database. */
  nextDeadline(): Promise<Date | null>;
  /** A periodic sweep as well, for deadlines written by another process. */
  sweepEveryMs: number;
  onError(e: unknown): void;
  /** The same clock the expiry uses, so a test clock does not make the timer spin. */
  now(): number;
};

/**
 * Default-deny timer. Sleeps until the earliest pending deadline (not a
 * polling loop), expires what is due with one conditional write, and arms
 * itself for the next one. It holds no state the database does not have:
 * after a restart, `start` expires what came due while the process was down.
 */
export class DeadlineScheduler {
  private timer: NodeJS.Timeout | null = null;
  private armedFor: number | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private rerun = false;
  /** Inert until start(): a runtime that never starts its scheduler never sweeps. */
  private stopped = true;

  constructor(private readonly deps: SchedulerDeps) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.tick();
    this.sweeper = setInterval(() => void this.tick(), this.deps.sweepEveryMs);
    this.sweeper.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.sweeper) clearInterval(this.sweeper);
    this.timer = null;
    this.armedFor = null;
  }

  /** A new pending request: wake earlier if its deadline comes first. */
  noteDeadline(at: Date): void {
    if (this.stopped) return;
    if (this.armedFor === null || at.getTime() < this.armedFor) this.arm(at.getTime());
  }

  private arm(at: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.armedFor = at;
    const delay = Math.min(MAX_DELAY_MS, Math.max(0, at - this.deps.now()));
    this.timer = setTimeout(() => void this.tick(), delay);
    this.timer.unref();
  }

  /** Runs expire-then-rearm, one at a time; a tick requested meanwhile runs right after. */
  tick(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.rerun = false;
        try {
          this.armedFor = null;
          await this.deps.expireDue();
          const next = await this.deps.nextDeadline();
          if (!this.stopped && next) {
            if (this.armedFor === null || next.getTime() < this.armedFor) this.arm(next.getTime());
          }
        } catch (e) {
          this.deps.onError(e);
        }
      } while (this.rerun && !this.stopped);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }
}
