import { type RunningServer } from "../fixtures/server";
import { data, trpc } from "../fixtures/http";
import { startStack } from "../fixtures/stack";

export type Decision = { type: "approve"; finalArguments?: Record<string, unknown>; comment?: string } | { type: "deny"; reason: string };
type Listed = { items: Array<{ id: string; tool: string; summary: string | null; session: string | null; arguments: unknown; annotations: unknown; preview: unknown; resources: string[] | null }> };

export type ClientEnv = {
  server: RunningServer;
  apiKey: string;
  reviewerEmail: string;
  /** A reviewer's decision through the real review.decide over HTTP; throws unless it was accepted. */
  decide(id: string, decision: Decision): Promise<void>;
  /** review.decide's raw answer, for decisions the server may refuse. */
  tryDecide(id: string, decision: Decision): Promise<{ status: number; message?: string }>;
  /** The next pending request for `tool` that this helper has not handed out before, as the reviewer's inbox lists it. */
  nextPending(tool: string): Promise<Listed["items"][number]>;
  stop(): Promise<void>;
};

/** A real server on its own SQLite file, an agent key and a signed-in reviewer. */
export async function startClientEnv(label: string): Promise<ClientEnv> {
  const stack = await startStack(label);
  const { server, cookie, reviewer } = stack;
  const { apiKey } = stack.agent(0);
  const handedOut = new Set<string>();
  const tryDecide = async (id: string, decision: Decision) => {
    const r = await trpc(server.url, "review.decide", { id, decision }, { cookie });
    return { status: r.status, message: r.body.error?.message };
  };
  return {
    server,
    apiKey,
    reviewerEmail: reviewer.email,
    tryDecide,
    async decide(id, decision) {
      const r = await tryDecide(id, decision);
      if (r.status !== 200) throw new Error(`review.decide refused (${r.status}): ${r.message ?? ""}`);
    },
    async nextPending(tool) {
      const until = Date.now() + 20_000;
      while (Date.now() < until) {
        const list = data<Listed>(await trpc(server.url, "review.list", { status: "pending", tool }, { cookie, method: "GET" }));
        const item = list.items.find((i) => i.tool === tool && !handedOut.has(i.id));
        if (item) {
          handedOut.add(item.id);
          return item;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no pending ${tool} request showed up`);
    },
    stop: () => server.stop(),
  };
}
