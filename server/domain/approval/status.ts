import type { JsonObject } from "../json/canonical";

export const APPROVAL_STATUSES = ["pending", "approved", "denied", "expired", "cancelled"] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
export type TerminalStatus = Exclude<ApprovalStatus, "pending">;

export type ApprovalEvent =
  | { type: "approve"; finalArguments?: JsonObject }
  | { type: "deny"; reason: string }
  | { type: "expire" }
  | { type: "cancel" };

export type Transition =
  | { ok: true; to: TerminalStatus }
  | { ok: false; reason: "not_pending" | "past_deadline" | "not_yet_due"; current: ApprovalStatus };

/**
 * The decision state machine. A request leaves `pending` exactly once; the
 * store repeats the `status = 'pending'` check in its conditional write, so
 * this function is the rule and the write is the guarantee.
 */
export function transition(
  req: { status: ApprovalStatus; expiresAt: Date },
  event: ApprovalEvent,
  now: Date,
): Transition {
  if (req.status !== "pending") return { ok: false, reason: "not_pending", current: req.status };
  const due = now.getTime() >= req.expiresAt.getTime();
  switch (event.type) {
    case "approve":
      return due ? { ok: false, reason: "past_deadline", current: "expired" } : { ok: true, to: "approved" };
    case "deny":
      return due ? { ok: false, reason: "past_deadline", current: "expired" } : { ok: true, to: "denied" };
    case "cancel":
      return due ? { ok: false, reason: "past_deadline", current: "expired" } : { ok: true, to: "cancelled" };
    case "expire":
      return due ? { ok: true, to: "expired" } : { ok: false, reason: "not_yet_due", current: "pending" };
  }
}

/** Default deny on read: a pending request past its deadline is expired even if no sweeper has run. */
export function effectiveStatus(req: { status: ApprovalStatus; expiresAt: Date }, now: Date): ApprovalStatus {
  return req.status === "pending" && now.getTime() >= req.expiresAt.getTime() ? "expired" : req.status;
}

export type AgentVerdict = "allow" | "deny" | "wait";

/** Anything but an explicit approval blocks the agent. */
export function toAgentVerdict(status: ApprovalStatus): AgentVerdict {
  return status === "approved" ? "allow" : status === "pending" ? "wait" : "deny";
}

export function isTerminal(status: ApprovalStatus): status is TerminalStatus {
  return status !== "pending";
}
