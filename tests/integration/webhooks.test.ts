import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestRuntime, makeAgent, makeUser, agentCaller, userCaller, writeRequest } from "../fixtures/runtime";
import { hashApiKey } from "@/server/services/agents/api-keys";
import { SIGNATURE_HEADER, verifyWebhookSignature } from "@/server/domain/webhook/signature";
import type { Runtime } from "@/server/runtime/runtime";

type Hit = { body: string; signature: string; at: number };

describe("decision webhooks", () => {
  let rt: Runtime;
  let receiver: Server;
  let base: string;
  const hits: Hit[] = [];
  let failuresLeft = 0;

  beforeAll(async () => {
    rt = createTestRuntime();
    rt.outbox.start();
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        hits.push({ body, signature: String(req.headers[SIGNATURE_HEADER] ?? ""), at: Date.now() });
        if (failuresLeft > 0) {
          failuresLeft--;
          res.writeHead(500).end();
        } else res.writeHead(204).end();
      });
    });
    await new Promise<void>((ok) => receiver.listen(0, "127.0.0.1", ok));
    const addr = receiver.address();
    base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  });
  afterAll(() => {
    rt.close();
    receiver.close();
  });

  const waitFor = async (cond: () => boolean, ms: number) => {
    const until = Date.now() + ms;
    while (!cond() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  };

  it("POSTs the decided request, signed with the submitting key's hash, and audits the delivery", async () => {
    const { actor, apiKey } = await makeAgent(rt);
    const reviewer = await makeUser(rt, "reviewer");
    const sub = await agentCaller(rt, actor).agent.submit(writeRequest({ callbackUrl: `${base}/hook/a` }));
    await userCaller(rt, reviewer.actor).review.decide({ id: sub.id, decision: { type: "deny", reason: "not today" } });
    await waitFor(() => hits.some((h) => h.body.includes(sub.id)), 3000);
    const hit = hits.find((h) => h.body.includes(sub.id));
    expect(hit).toBeDefined();
    if (!hit) return;
    const payload = JSON.parse(hit.body) as { type: string; request: { id: string; status: string; decision: { reason: string } } };
    expect(payload).toMatchObject({ type: "request.decided", request: { id: sub.id, status: "denied", decision: { reason: "not today" } } });
    const now = Math.floor(Date.now() / 1000);
    expect(verifyWebhookSignature(hashApiKey(apiKey), hit.signature, hit.body, now)).toBe(true);
    expect(verifyWebhookSignature(hashApiKey(apiKey), hit.signature, hit.body.replace("denied", "approved"), now)).toBe(false);
    expect(verifyWebhookSignature(hashApiKey(apiKey), hit.signature, hit.body, now + 301)).toBe(false);
    await new Promise((r) => setTimeout(r, 50)); // the audit row commits just after the receiver answers
    const audit = await rt.store.auditForRequest(sub.id);
    expect(audit.map((e) => e.action)).toContain("webhook.delivered");
  });

  it("retries a failing receiver with backoff and audits every attempt", async () => {
    const { actor } = await makeAgent(rt);
    failuresLeft = 2;
    const sub = await agentCaller(rt, actor).agent.submit(writeRequest({ callbackUrl: `${base}/hook/b`, timeoutSeconds: 5 }));
    await agentCaller(rt, actor).agent.cancel({ id: sub.id });
    await waitFor(() => hits.filter((h) => h.body.includes(sub.id)).length >= 3, 8000);
    const mine = hits.filter((h) => h.body.includes(sub.id));
    expect(mine).toHaveLength(3);
    const gaps = [(mine[1]?.at ?? 0) - (mine[0]?.at ?? 0), (mine[2]?.at ?? 0) - (mine[1]?.at ?? 0)];
    expect(gaps[0]).toBeGreaterThanOrEqual(900);
    expect(gaps[1]).toBeGreaterThanOrEqual(1900);
    await new Promise((r) => setTimeout(r, 100));
    const actions = (await rt.store.auditForRequest(sub.id)).map((e) => e.action).filter((a) => a.startsWith("webhook."));
    expect(actions).toEqual(["webhook.failed", "webhook.failed", "webhook.delivered"]);
  });
});
