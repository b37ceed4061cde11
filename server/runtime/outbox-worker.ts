import type { ServiceContext } from "../services/context";
import { deliverDueWebhooks, type FetchLike } from "../services/webhooks/deliver";

/**
 * Drains the outbox after commits. Woken at once when a request with a
 * callbackUrl is decided, and every `intervalMs` for retries and for rows
 * left by a previous process.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private again = false;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly fetchFn: FetchLike = (url, init) => fetch(url, init),
    private readonly intervalMs = 1_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.nudge(), this.intervalMs);
    this.timer.unref();
    this.nudge();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  nudge(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void (async () => {
      try {
        do {
          this.again = false;
          await deliverDueWebhooks({ ctx: this.ctx, fetchFn: this.fetchFn });
        } while (this.again);
      } catch (e) {
        console.error("outbox worker:", e);
      } finally {
        this.running = false;
      }
    })();
  }
}
