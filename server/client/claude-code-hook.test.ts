import { describe, expect, it } from "vitest";
import { annotationsFor, countersignToolName, failure, parseHookInput, toGuardOptions, type ClaudeCodeHookInput } from "./claude-code-hook";
import { toSubmission } from "./guard";

const base = { hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: { command: "ls" } };

describe("parseHookInput", () => {
  it.each([
    ["empty stdin", "", /it is empty/],
    ["not JSON", "rm -rf /", /not the hook's JSON/],
    ["an array", "[]", /not a JSON object/],
    ["another event", JSON.stringify({ ...base, hook_event_name: "PostToolUse" }), /handles PreToolUse, not "PostToolUse"/],
    ["no tool_name", JSON.stringify({ ...base, tool_name: "" }), /no tool_name/],
    ["tool_input not an object", JSON.stringify({ ...base, tool_input: "ls" }), /tool_input is not a JSON object/],
  ])("refuses %s", (_label, text, message) => {
    const r = parseHookInput(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it("keeps the documented fields and drops empty optional ones", () => {
    const r = parseHookInput(JSON.stringify({ ...base, session_id: "s1", cwd: "/w", permission_mode: "default", tool_use_id: "", extra: 1 }));
    expect(r).toEqual({ ok: true, input: { ...base, session_id: "s1", cwd: "/w", permission_mode: "default", transcript_path: undefined, tool_use_id: undefined } });
  });

  it("treats a missing tool_input as no arguments", () => {
    const r = parseHookInput(JSON.stringify({ hook_event_name: "PreToolUse", tool_name: "ExitPlanMode" }));
    expect(r.ok && r.input.tool_input).toEqual({});
  });
});

describe("mapping a Claude Code tool call to a Countersign request", () => {
  it.each([
    ["Bash", "claude-code.Bash"],
    ["mcp__github__delete_repo", "claude-code.mcp__github__delete_repo"],
    ["weird name!", "claude-code.weird_name_"],
  ])("names %s as %s", (tool, name) => expect(countersignToolName(tool)).toBe(name));

  it.each([
    ["Read", { readOnlyHint: true }],
    ["Grep", { readOnlyHint: true }],
    ["WebFetch", { readOnlyHint: false, destructiveHint: false, openWorldHint: true }],
    ["Bash", undefined],
    ["Write", undefined],
  ])("annotates %s", (tool, annotations) => expect(annotationsFor(tool)).toEqual(annotations));

  it("builds summary, reason, preview, session, resources and idempotency key from the hook input", async () => {
    const input: ClaudeCodeHookInput = {
      hook_event_name: "PreToolUse",
      tool_name: "Edit",
      tool_input: { file_path: "/w/src/app.ts", old_string: "a", new_string: "b" },
      session_id: "s1",
      cwd: "/w",
      permission_mode: "acceptEdits",
      tool_use_id: "toolu_1",
    };
    const submission = await toSubmission(toGuardOptions(input), input.tool_input);
    expect(submission).toEqual({
      tool: "claude-code.Edit",
      arguments: input.tool_input,
      summary: "Edit: /w/src/app.ts",
      reason: "Claude Code (in /w, permission mode acceptEdits)",
      resources: ["/w/src/app.ts"],
      preview: { changes: [{ path: "/w/src/app.ts", from: "a", to: "b" }] },
      session: "s1",
      idempotencyKey: "toolu_1",
    });
  });

  it("clips a huge Write so the request stays under the server's body limit", async () => {
    const input: ClaudeCodeHookInput = { hook_event_name: "PreToolUse", tool_name: "Write", tool_input: { file_path: "/w/big.txt", content: "x".repeat(200_000) } };
    const { preview } = await toSubmission(toGuardOptions(input), input.tool_input);
    const to = preview?.changes?.[0]?.to;
    expect(typeof to === "string" && to.length).toBeLessThan(51_000);
    expect(to).toMatch(/150000 more characters\)$/);
  });

  it("a failure is a deny that says why", () => {
    expect(failure("server down").output).toEqual({
      hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: "Countersign could not approve this tool call, so it is blocked: server down" },
    });
  });
});
