import type { SubmitInput } from "../../server/services/approval/schemas";
import { DECK, READ_ONLY, type DemoAgentName, type Scenario } from "./scenarios";

/** The slice of the agent API's answer the simulation reads (README: "Every answer carries …"). */
type View = {
  id: string;
  status: "pending" | "approved" | "denied" | "expired" | "cancelled";
  risk: string;
  expiresAt: string;
  executionToken: string | null;
  decision: { by: string; channel: string; comment: string | null; reason: string | null; modified: boolean; finalArguments: Record<string, unknown> | null } | null;
};

const MAX_PENDING = 5;
const time = () => new Date().toLocaleTimeString("en-GB");
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
  });

/**
 * Agents that behave like real ones, over the real HTTP agent API: submit,
 * wait for the decision (long-poll), then claim with the execution token,
 * "execute" the final (maybe modified) arguments and report the outcome.
 */
export class SimulatedAgents {
  private readonly abort = new AbortController();
  private pending = 0;
  private n = 0;

  constructor(
    private readonly base: string,
    private readonly keys: Record<DemoAgentName, string>,
  ) {}

  start(): void {
    void this.loop();
  }

  stop(signal: string): void {
    if (this.abort.signal.aborted) return;
    console.log(`\n${signal}: stopping the simulated agents and the server…`);
    this.abort.abort();
  }

  private log(agent: string, text: string): void {
    console.log(`${time()}  ${agent.padEnd(12)} ${text}`);
  }

  private async call<T>(agent: DemoAgentName, path: string, input: unknown, method: "GET" | "POST" = "POST"): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.keys[agent]}` };
    let url = `${this.base}/api/trpc/${path}`;
    let body: string | undefined;
    if (method === "GET") url += `?input=${encodeURIComponent(JSON.stringify(input))}`;
    else {
      headers["content-type"] = "application/json";
      body = JSON.stringify(input);
    }
    const res = await fetch(url, { method, headers, body, signal: this.abort.signal });
    const json = (await res.json()) as { result?: { data: T }; error?: { message: string } };
    if (!json.result) throw new Error(json.error?.message ?? `HTTP ${res.status}`);
    return json.result.data;
  }

  private async loop(): Promise<void> {
    await sleep(1_000, this.abort.signal);
    while (!this.abort.signal.aborted) {
      const next = DECK[this.n % DECK.length] ?? READ_ONLY;
      // Keep the inbox reviewable: past a handful of undecided requests, only reads arrive.
      const full = this.pending >= MAX_PENDING;
      void this.run(full ? READ_ONLY : next, this.n++);
      await sleep((full ? 12_000 : 4_000) + Math.random() * 3_000, this.abort.signal);
    }
  }

  private async run(s: Scenario, n: number): Promise<void> {
    const body: SubmitInput = { ...s.body(n), session: `demo-${s.agent}` };
    try {
      let v = await this.call<View>(s.agent, "agent.submit", body);
      if (v.status === "pending") {
        this.pending++;
        this.log(s.agent, `asks: ${body.summary ?? body.tool} — ${v.risk} risk, waiting for a human (deadline ${new Date(v.expiresAt).toLocaleTimeString("en-GB")})`);
        try {
          while (v.status === "pending" && !this.abort.signal.aborted) v = await this.call<View>(s.agent, "agent.wait", { id: v.id, timeoutMs: 55_000 }, "GET");
        } finally {
          this.pending--;
        }
      }
      await this.settle(s, body, v);
    } catch (e) {
      if (!this.abort.signal.aborted) this.log(s.agent, `error: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private async settle(s: Scenario, body: SubmitInput, v: View): Promise<void> {
    const d = v.decision;
    if (v.status !== "approved" || !v.executionToken) {
      if (v.status === "pending") return;
      const why = v.status === "expired" ? "nobody decided in time (default deny)" : `by ${d?.by ?? "?"}: ${d?.reason ?? "no reason given"}`;
      this.log(s.agent, `✗ ${body.tool} ${v.status} — ${why}; not executing`);
      return;
    }
    const args = d?.finalArguments ?? body.arguments;
    if (d?.channel === "policy") this.log(s.agent, `✓ ${body.tool} auto-approved by policy (read-only)`);
    else this.log(s.agent, `✓ ${body.tool} approved by ${d?.by ?? "?"}${d?.modified ? ` with changed arguments: ${JSON.stringify(args)}` : ""}${d?.comment ? ` — "${d.comment}"` : ""}`);
    await this.call(s.agent, "agent.claim", { id: v.id, executionToken: v.executionToken, arguments: args, currentVersion: s.currentVersion });
    await sleep(400 + Math.random() * 800, this.abort.signal);
    const detail = s.does(args);
    await this.call(s.agent, "agent.reportOutcome", { id: v.id, outcome: "succeeded", detail });
    if (d?.channel !== "policy") this.log(s.agent, `  claimed the execution token, ${detail}; outcome reported`);
  }
}
