import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createClient, type CountersignClient } from "../../server/client/index";
import { startClientEnv, type ClientEnv } from "./client-helpers";
import { closedPort } from "../fixtures/ports";

const root = fileURLToPath(new URL("../..", import.meta.url));
type HookRun = { code: number | null; stdout: string; stderr: string };
type HookOutput = { hookSpecificOutput: { hookEventName: string; permissionDecision: string; permissionDecisionReason: string; updatedInput?: Record<string, unknown> } };

/** Runs `node bin/countersign.mjs hook claude-code` the way Claude Code does: JSON on stdin, env from settings. */
function runHook(stdin: string, env: Record<string, string>, onSpawn?: (proc: ChildProcess) => void): Promise<HookRun> {
  return new Promise((resolve, reject) => {
    const clean: NodeJS.ProcessEnv = { ...process.env };
    for (const k of Object.keys(clean)) if (k.startsWith("COUNTERSIGN_")) delete clean[k];
    const proc = spawn(process.execPath, ["bin/countersign.mjs", "hook", "claude-code"], { cwd: root, env: { ...clean, ...env } });
    let stdout = "";
    let stderr = "";
    proc.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    proc.once("error", reject);
    proc.once("exit", (code) => resolve({ code, stdout, stderr }));
    proc.stdin.end(stdin);
    onSpawn?.(proc);
  });
}

/** Exactly the documented PreToolUse output: one JSON object, hookSpecificOutput only, known fields only. */
function parseOutput(stdout: string): HookOutput {
  const lines = stdout.trim().split("\n");
  expect(lines).toHaveLength(1);
  const out = JSON.parse(lines[0] ?? "") as HookOutput;
  expect(Object.keys(out)).toEqual(["hookSpecificOutput"]);
  const h = out.hookSpecificOutput;
  expect(h.hookEventName).toBe("PreToolUse");
  expect(["allow", "deny"]).toContain(h.permissionDecision);
  expect(typeof h.permissionDecisionReason).toBe("string");
  for (const k of Object.keys(h)) expect(["hookEventName", "permissionDecision", "permissionDecisionReason", "updatedInput"]).toContain(k);
  if (h.updatedInput !== undefined) expect(typeof h.updatedInput).toBe("object");
  return out;
}

const hookInput = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    session_id: "sess-abc123",
    transcript_path: "/home/dev/.claude/projects/demo/sess-abc123.jsonl",
    cwd: "/home/dev/demo",
    permission_mode: "default",
    hook_event_name: "PreToolUse",
    tool_name: "Bash",
    tool_input: { command: "rm -rf build/", description: "Remove the build directory" },
    tool_use_id: `toolu_${Math.random().toString(36).slice(2)}`,
    ...overrides,
  });


describe("countersign hook claude-code (a real subprocess against a real server)", () => {
  let env: ClientEnv;
  let cs: CountersignClient;
  let hookEnv: Record<string, string>;

  beforeAll(async () => {
    env = await startClientEnv("client-hook");
    cs = createClient({ baseUrl: env.server.url, apiKey: env.apiKey });
    hookEnv = { COUNTERSIGN_URL: env.server.url, COUNTERSIGN_API_KEY: env.apiKey, COUNTERSIGN_TIMEOUT_SECONDS: "60" };
  });
  afterAll(async () => env?.stop());

  it("approve → allow; the request carries the tool, session, summary and preview the reviewer needs", async () => {
    const running = runHook(hookInput(), hookEnv);
    const item = await env.nextPending("claude-code.Bash");
    expect(item).toMatchObject({ session: "sess-abc123", summary: "Bash: rm -rf build/", arguments: { command: "rm -rf build/", description: "Remove the build directory" } });
    expect(JSON.stringify(item.preview)).toContain("rm -rf build/");
    await env.decide(item.id, { type: "approve", comment: "fine" });
    const r = await running;
    expect(r.code).toBe(0);
    const h = parseOutput(r.stdout).hookSpecificOutput;
    expect(h.permissionDecision).toBe("allow");
    expect(h.permissionDecisionReason).toContain(`approved by ${env.reviewerEmail}: fine`);
    expect(h.updatedInput).toBeUndefined();
    // The hook claimed the execution with the arguments Claude Code will run.
    expect((await cs.get(item.id)).execution).toMatchObject({ status: "claimed" });
  });

  it("a reviewer's modification comes back as updatedInput", async () => {
    const running = runHook(hookInput(), hookEnv);
    const item = await env.nextPending("claude-code.Bash");
    await env.decide(item.id, { type: "approve", finalArguments: { command: "rm -rf build/tmp", description: "Remove only build/tmp" } });
    const r = await running;
    expect(r.code).toBe(0);
    const h = parseOutput(r.stdout).hookSpecificOutput;
    expect(h).toMatchObject({ permissionDecision: "allow", updatedInput: { command: "rm -rf build/tmp", description: "Remove only build/tmp" } });
    expect(h.permissionDecisionReason).toContain("changed arguments");
  });

  it("deny → deny with the reviewer's reason, for Claude to read", async () => {
    const running = runHook(hookInput({ tool_name: "Write", tool_input: { file_path: "/home/dev/demo/.env", content: "SECRET=1" } }), hookEnv);
    const item = await env.nextPending("claude-code.Write");
    expect(item.resources).toEqual(["/home/dev/demo/.env"]);
    await env.decide(item.id, { type: "deny", reason: "never write .env files" });
    const r = await running;
    expect(r.code).toBe(0);
    const h = parseOutput(r.stdout).hookSpecificOutput;
    expect(h.permissionDecision).toBe("deny");
    expect(h.permissionDecisionReason).toContain("never write .env files");
    expect(h.permissionDecisionReason).toContain(env.reviewerEmail);
  });

  it("a read-only tool is approved by policy without a reviewer", async () => {
    const r = await runHook(hookInput({ tool_name: "Read", tool_input: { file_path: "/home/dev/demo/README.md" } }), hookEnv);
    expect(r.code).toBe(0);
    const h = parseOutput(r.stdout).hookSpecificOutput;
    expect(h.permissionDecision).toBe("allow");
    expect(h.permissionDecisionReason).toContain("approved by policy");
  });

  it("Claude Code stopping the hook (SIGTERM) withdraws the request and blocks", async () => {
    let proc: ChildProcess | undefined;
    const running = runHook(hookInput(), hookEnv, (p) => (proc = p));
    const item = await env.nextPending("claude-code.Bash");
    proc?.kill("SIGTERM");
    const r = await running;
    expect(r.code).toBe(2);
    expect(parseOutput(r.stdout).hookSpecificOutput.permissionDecision).toBe("deny");
    expect((await cs.get(item.id)).status).toBe("cancelled");
  });

  it("garbage on stdin → deny, one line on stderr, exit 2", async () => {
    const r = await runHook("this is not json", hookEnv);
    expect(r.code).toBe(2);
    const h = parseOutput(r.stdout).hookSpecificOutput;
    expect(h.permissionDecision).toBe("deny");
    expect(h.permissionDecisionReason).toContain("not the hook's JSON");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("blocked");
  });

  it("an unreachable server → deny naming the address, exit 2", async () => {
    const port = await closedPort();
    const r = await runHook(hookInput(), { ...hookEnv, COUNTERSIGN_URL: `http://127.0.0.1:${port}` });
    expect(r.code).toBe(2);
    const h = parseOutput(r.stdout).hookSpecificOutput;
    expect(h.permissionDecision).toBe("deny");
    expect(h.permissionDecisionReason).toContain(`127.0.0.1:${port} is unreachable`);
    expect(r.stderr).toContain("unreachable");
  });

  it("missing configuration or a bad API key → deny, exit 2", async () => {
    const noKey = await runHook(hookInput(), { COUNTERSIGN_URL: env.server.url });
    expect(noKey.code).toBe(2);
    expect(parseOutput(noKey.stdout).hookSpecificOutput.permissionDecisionReason).toContain("COUNTERSIGN_API_KEY");

    const badKey = await runHook(hookInput(), { ...hookEnv, COUNTERSIGN_API_KEY: "cs_revoked" });
    expect(badKey.code).toBe(2);
    expect(parseOutput(badKey.stdout).hookSpecificOutput.permissionDecisionReason).toContain("UNAUTHORIZED");

    const badTimeout = await runHook(hookInput(), { ...hookEnv, COUNTERSIGN_TIMEOUT_SECONDS: "soon" });
    expect(badTimeout.code).toBe(2);
    expect(parseOutput(badTimeout.stdout).hookSpecificOutput.permissionDecisionReason).toContain("COUNTERSIGN_TIMEOUT_SECONDS");
  });
});
