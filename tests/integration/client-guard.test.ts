import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, ApprovalDeniedError, type AgentRequestView, type CountersignClient } from "../../server/client/index";
import { startClientEnv, type ClientEnv } from "./client-helpers";

type RepoArgs = { owner: string; repo: string };

describe("guard(toolFn) against a real server and a real reviewer", () => {
  let env: ClientEnv;
  let cs: CountersignClient;

  beforeAll(async () => {
    env = await startClientEnv("client-guard");
    cs = createClient({ baseUrl: env.server.url, apiKey: env.apiKey });
  });
  afterAll(async () => env?.stop());

  /** A fake side effect that records every call. */
  const recorder = () => {
    const calls: RepoArgs[] = [];
    const fn = (args: RepoArgs) => {
      calls.push(args);
      return Promise.resolve(`deleted ${args.owner}/${args.repo}`);
    };
    return { calls, fn };
  };

  it("runs the tool once, with the reviewer's modified arguments, claims and reports success", async () => {
    const { calls, fn } = recorder();
    let pending: AgentRequestView | null = null;
    const deleteRepo = cs.guard(fn, {
      tool: "github.delete_repository",
      summary: (a) => `Delete ${a.owner}/${a.repo}`,
      annotations: { destructiveHint: true },
      preview: (a) => ({ changes: [{ path: `repos/${a.owner}/${a.repo}`, from: "exists", to: null }], reversible: false }),
      argumentsSchema: { type: "object", properties: { owner: { type: "string" }, repo: { type: "string" } }, required: ["owner", "repo"], additionalProperties: false },
      onPending: (v) => (pending = v),
    });
    const running = deleteRepo({ owner: "acme", repo: "production-site" });
    const item = await env.nextPending("github.delete_repository");
    expect(item.summary).toBe("Delete acme/production-site");
    expect(item.preview).toMatchObject({ reversible: false });
    // The schema travels with the request: a modification that breaks it is refused and changes nothing.
    expect((await env.tryDecide(item.id, { type: "approve", finalArguments: { owner: "acme", repo: 42 } })).status).toBe(400);
    await env.decide(item.id, { type: "approve", finalArguments: { owner: "acme", repo: "legacy-site" } });

    expect(await running).toBe("deleted acme/legacy-site");
    expect(calls).toEqual([{ owner: "acme", repo: "legacy-site" }]);
    expect(pending).toMatchObject({ id: item.id, status: "pending" });
    const after = await cs.get(item.id);
    expect(after.execution).toMatchObject({ status: "succeeded", outcome: "succeeded" });
    expect(after.decision).toMatchObject({ modified: true, by: env.reviewerEmail });
  });

  it("a denial throws ApprovalDeniedError with the reviewer's reason and the tool never runs", async () => {
    const { calls, fn } = recorder();
    const deleteRepo = cs.guard(fn, { tool: "github.delete_repository", summary: "Delete a repo" });
    const running = deleteRepo({ owner: "acme", repo: "production-site" }).catch((e: unknown) => e);
    const item = await env.nextPending("github.delete_repository");
    await env.decide(item.id, { type: "deny", reason: "production is frozen until Monday" });

    const e = await running;
    expect(e).toBeInstanceOf(ApprovalDeniedError);
    expect(e).toMatchObject({ status: "denied", reason: "production is frozen until Monday", by: env.reviewerEmail, requestId: item.id });
    expect((e as Error).message).toContain("production is frozen until Monday");
    expect((e as ApprovalDeniedError).url).toContain(`/requests/${item.id}`);
    expect(calls).toEqual([]);
    expect((await cs.get(item.id)).execution).toBeNull();
  });

  it("a tool that throws gets outcome 'failed' with its message, and the error is rethrown as is", async () => {
    const boom = new Error("GitHub answered 502");
    const deleteRepo = cs.guard(
      (_args: RepoArgs): Promise<string> => Promise.reject(boom),
      { tool: "github.delete_repository" },
    );
    const running = deleteRepo({ owner: "acme", repo: "legacy-site" }).catch((e: unknown) => e);
    const item = await env.nextPending("github.delete_repository");
    await env.decide(item.id, { type: "approve" });
    expect(await running).toBe(boom);
    expect((await cs.get(item.id)).execution).toMatchObject({ status: "failed", outcome: "failed", detail: "Error: GitHub answered 502" });
  });

  it("a read-only action approved by policy runs at once, without waiting for anyone", async () => {
    const { calls, fn } = recorder();
    let waited = false;
    const readRepo = cs.guard(fn, { tool: "github.get_repository", annotations: { readOnlyHint: true }, onPending: () => (waited = true) });
    expect(await readRepo({ owner: "acme", repo: "docs" })).toBe("deleted acme/docs");
    expect(waited).toBe(false);
    expect(calls).toEqual([{ owner: "acme", repo: "docs" }]);
  });

  it("nobody deciding in time is an ApprovalDeniedError with status 'expired'", async () => {
    const { calls, fn } = recorder();
    const deleteRepo = cs.guard(fn, { tool: "github.delete_repository", timeoutSeconds: 5 });
    const e = await deleteRepo({ owner: "acme", repo: "legacy-site" }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ApprovalDeniedError);
    expect(e).toMatchObject({ status: "expired", by: "system:deadline" });
    expect(calls).toEqual([]);
  });

  it("aborting while waiting cancels the request, so no reviewer approves a call nobody will make", async () => {
    const { calls, fn } = recorder();
    const deleteRepo = cs.guard(fn, { tool: "github.delete_repository" });
    const ac = new AbortController();
    const running = deleteRepo({ owner: "acme", repo: "legacy-site" }, { signal: ac.signal }).catch((e: unknown) => e);
    const item = await env.nextPending("github.delete_repository");
    ac.abort(new Error("user pressed stop"));
    expect(await running).toMatchObject({ message: "user pressed stop" });
    expect((await cs.get(item.id)).status).toBe("cancelled");
    expect(calls).toEqual([]);
  });

  it("the claim is refused when the target moved since the preview, and the tool does not run", async () => {
    const { calls, fn } = recorder();
    const deleteRepo = cs.guard(fn, {
      tool: "github.delete_repository",
      preview: () => ({ impact: "repository and its 12 forks", targetVersion: "etag-1" }),
      currentVersion: () => "etag-2",
    });
    const running = deleteRepo({ owner: "acme", repo: "legacy-site" }).catch((e: unknown) => e);
    const item = await env.nextPending("github.delete_repository");
    await env.decide(item.id, { type: "approve" });
    expect(await running).toMatchObject({ name: "CountersignError", code: "PRECONDITION_FAILED", details: { reason: "version_mismatch" } });
    expect(calls).toEqual([]);
  });
});
