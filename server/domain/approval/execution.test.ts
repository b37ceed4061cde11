import { describe, expect, it } from "vitest";
import { checkClaim, checkOutcome, EXECUTION_STATUSES, type ClaimAttempt, type ClaimState, type ExecutionStatus } from "./execution";
import { APPROVAL_STATUSES } from "./status";

const now = new Date("2030-01-01T00:00:00.000Z");
const TOKEN = "tok_0123456789abcdef";
const HASH = "a".repeat(64);
const EXPIRES = new Date(now.getTime() + 60_000);

const approved: ClaimState = {
  status: "approved",
  execution: null,
  executionToken: TOKEN,
  tokenExpiresAt: EXPIRES,
  finalArgsHash: HASH,
  targetVersion: null,
};
const good: ClaimAttempt = { executionToken: TOKEN, argsHash: HASH };

describe("checkClaim", () => {
  it("accepts the right token, the approved arguments, before expiry", () => {
    expect(checkClaim(approved, good, now)).toEqual({ ok: true });
  });

  it("accepts a claim that does not report arguments", () => {
    expect(checkClaim(approved, { executionToken: TOKEN }, now)).toEqual({ ok: true });
  });

  it("a token without expiry does not expire", () => {
    expect(checkClaim({ ...approved, tokenExpiresAt: null }, good, new Date(8.64e15))).toEqual({ ok: true });
  });

  const refusals: { name: string; state?: Partial<ClaimState>; attempt?: Partial<ClaimAttempt>; at?: Date; reason: string }[] = [
    ...APPROVAL_STATUSES.filter((s) => s !== "approved").map((status) => ({ name: `status ${status}`, state: { status }, reason: "not_approved" })),
    { name: "approved but no token issued", state: { executionToken: null }, reason: "not_approved" },
    ...EXECUTION_STATUSES.map((execution) => ({ name: `second claim after execution=${execution}`, state: { execution }, reason: "already_claimed" })),
    { name: "second claim wins over a wrong token", state: { execution: "claimed" as const }, attempt: { executionToken: "x" }, reason: "already_claimed" },
    { name: "wrong token, same length", attempt: { executionToken: TOKEN.slice(0, -1) + "X" }, reason: "bad_token" },
    { name: "wrong token, shorter", attempt: { executionToken: TOKEN.slice(0, -1) }, reason: "bad_token" },
    { name: "wrong token, longer", attempt: { executionToken: TOKEN + "0" }, reason: "bad_token" },
    { name: "empty token", attempt: { executionToken: "" }, reason: "bad_token" },
    { name: "claim exactly at tokenExpiresAt", at: EXPIRES, reason: "token_expired" },
    { name: "claim after tokenExpiresAt", at: new Date(EXPIRES.getTime() + 1), reason: "token_expired" },
    { name: "bad token is reported before expiry", attempt: { executionToken: "nope" }, at: new Date(8.64e15), reason: "bad_token" },
    { name: "argsHash mismatch", attempt: { argsHash: "b".repeat(64) }, reason: "arguments_mismatch" },
    { name: "argsHash reported but none approved", state: { finalArgsHash: null }, reason: "arguments_mismatch" },
    { name: "targetVersion set, no currentVersion", state: { targetVersion: "v1" }, reason: "version_required" },
    { name: "targetVersion set, other currentVersion", state: { targetVersion: "v1" }, attempt: { currentVersion: "v2" }, reason: "version_mismatch" },
    { name: "targetVersion compared exactly", state: { targetVersion: "v1" }, attempt: { currentVersion: "V1" }, reason: "version_mismatch" },
  ];

  it.each(refusals)("refuses: $name → $reason", ({ state, attempt, at, reason }) => {
    expect(checkClaim({ ...approved, ...state }, { ...good, ...attempt }, at ?? now)).toEqual({ ok: false, reason });
  });

  it("claim one millisecond before expiry is accepted", () => {
    expect(checkClaim(approved, good, new Date(EXPIRES.getTime() - 1))).toEqual({ ok: true });
  });

  it("targetVersion matches", () => {
    expect(checkClaim({ ...approved, targetVersion: "etag-7" }, { ...good, currentVersion: "etag-7" }, now)).toEqual({ ok: true });
  });

  it("currentVersion is ignored when the preview had no targetVersion", () => {
    expect(checkClaim(approved, { ...good, currentVersion: "anything" }, now)).toEqual({ ok: true });
  });

  it("the token is single-use: the same good attempt is refused once execution is recorded", () => {
    expect(checkClaim(approved, good, now)).toEqual({ ok: true });
    expect(checkClaim({ ...approved, execution: "claimed" }, good, now)).toEqual({ ok: false, reason: "already_claimed" });
  });
});

describe("checkOutcome", () => {
  const table: { execution: ExecutionStatus | null; want: ReturnType<typeof checkOutcome> }[] = [
    { execution: null, want: { ok: false, reason: "not_claimed" } },
    { execution: "claimed", want: { ok: true } },
    { execution: "succeeded", want: { ok: false, reason: "already_reported" } },
    { execution: "failed", want: { ok: false, reason: "already_reported" } },
  ];
  it.each(table)("execution=$execution → $want", ({ execution, want }) => {
    expect(checkOutcome(execution)).toEqual(want);
  });
});
