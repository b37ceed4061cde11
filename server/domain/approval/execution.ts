import type { ApprovalStatus } from "./status";

export const EXECUTION_STATUSES = ["claimed", "succeeded", "failed"] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];
export const OUTCOMES = ["succeeded", "failed"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type ClaimState = {
  status: ApprovalStatus;
  execution: ExecutionStatus | null;
  executionToken: string | null;
  tokenExpiresAt: Date | null;
  finalArgsHash: string | null;
  targetVersion: string | null;
};

export type ClaimAttempt = {
  executionToken: string;
  /** Hash of the arguments the agent is about to execute, when it reports them. */
  argsHash?: string;
  /** The current version of the target as the agent sees it now. */
  currentVersion?: string;
};

export type ClaimRefusal =
  | "not_approved"
  | "already_claimed"
  | "bad_token"
  | "token_expired"
  | "arguments_mismatch"
  | "version_mismatch"
  | "version_required";

/**
 * Whether an execution claim may proceed. The token is single-use and bound to
 * the approved arguments and, when the preview carried one, to the version
 * of the target the reviewer looked at.
 */
export function checkClaim(state: ClaimState, attempt: ClaimAttempt, now: Date): { ok: true } | { ok: false; reason: ClaimRefusal } {
  if (state.status !== "approved" || state.executionToken === null) return { ok: false, reason: "not_approved" };
  if (state.execution !== null) return { ok: false, reason: "already_claimed" };
  if (!timingSafeEqualStrings(state.executionToken, attempt.executionToken)) return { ok: false, reason: "bad_token" };
  if (state.tokenExpiresAt !== null && now.getTime() >= state.tokenExpiresAt.getTime()) {
    return { ok: false, reason: "token_expired" };
  }
  if (attempt.argsHash !== undefined && attempt.argsHash !== state.finalArgsHash) {
    return { ok: false, reason: "arguments_mismatch" };
  }
  if (state.targetVersion !== null) {
    if (attempt.currentVersion === undefined) return { ok: false, reason: "version_required" };
    if (attempt.currentVersion !== state.targetVersion) return { ok: false, reason: "version_mismatch" };
  }
  return { ok: true };
}

export function checkOutcome(execution: ExecutionStatus | null): { ok: true } | { ok: false; reason: "not_claimed" | "already_reported" } {
  if (execution === null) return { ok: false, reason: "not_claimed" };
  if (execution !== "claimed") return { ok: false, reason: "already_reported" };
  return { ok: true };
}

function timingSafeEqualStrings(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
