import type { AgentRequestView, ApprovalStatus, Violation } from "./types.js";

export type ErrorIssue = { path: string; message: string; code: string };

/**
 * A call to Countersign failed: the server refused it (`code` is the tRPC
 * code, e.g. `BAD_REQUEST`, `UNAUTHORIZED`, `CONFLICT`, `PRECONDITION_FAILED`),
 * or it could not be reached (`NETWORK_ERROR`) or answered nonsense
 * (`BAD_RESPONSE`). Either way nothing was approved: fail closed.
 */
export class CountersignError extends Error {
  override name = "CountersignError";
  readonly code: string;
  /** null when no HTTP answer came back. */
  readonly httpStatus: number | null;
  /** Structured details to branch on, e.g. `{ reason: "arguments_mismatch" }` for a refused claim. */
  readonly details: Record<string, unknown> | null;
  /** Field-level validation problems, for BAD_REQUEST. */
  readonly issues: ErrorIssue[] | null;
  /** The procedure called, e.g. `agent.submit`. */
  readonly procedure: string;

  constructor(init: {
    code: string;
    message: string;
    procedure: string;
    httpStatus?: number | null;
    details?: Record<string, unknown> | null;
    issues?: ErrorIssue[] | null;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.httpStatus = init.httpStatus ?? null;
    this.details = init.details ?? null;
    this.issues = init.issues ?? null;
    this.procedure = init.procedure;
  }
}

/**
 * The answer was no: a reviewer denied the action, nobody decided before the
 * deadline (expired), it was cancelled, or policy refused it. The tool did
 * not run. Not a CountersignError: the service worked, the action is refused.
 */
export class ApprovalDeniedError extends Error {
  override name = "ApprovalDeniedError";
  readonly status: Exclude<ApprovalStatus, "approved">;
  /** The reviewer's (or policy's, or the deadline's) reason. */
  readonly reason: string;
  readonly by: string | null;
  readonly requestId: string;
  readonly url: string;
  readonly violation: Violation | null;
  readonly view: AgentRequestView;

  constructor(view: AgentRequestView) {
    const status = view.status === "approved" ? "denied" : view.status;
    const by = view.decision?.by ?? null;
    const reason = view.decision?.reason ?? view.policy.violation?.reason ?? defaultReason(status);
    super(`Countersign: ${view.tool} was ${status}${by ? ` by ${by}` : ""}: ${reason} (${view.url})`);
    this.status = status;
    this.reason = reason;
    this.by = by;
    this.requestId = view.id;
    this.url = view.url;
    this.violation = view.policy.violation ?? null;
    this.view = view;
  }
}

function defaultReason(status: Exclude<ApprovalStatus, "approved">): string {
  switch (status) {
    case "pending":
      return "no decision yet; not approved";
    case "expired":
      return "no decision before the deadline (default deny)";
    case "cancelled":
      return "the request was cancelled";
    case "denied":
      return "denied";
  }
}
