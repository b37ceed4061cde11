import { describe, expect, it } from "vitest";
import {
  APPROVAL_STATUSES,
  effectiveStatus,
  isTerminal,
  toAgentVerdict,
  transition,
  type ApprovalEvent,
  type ApprovalStatus,
  type Transition,
} from "./status";

const deadline = new Date("2030-01-01T00:00:00.000Z");
const TIMES = {
  before: new Date(deadline.getTime() - 1),
  at: new Date(deadline.getTime()),
  after: new Date(deadline.getTime() + 60_000),
} as const;
type When = keyof typeof TIMES;

const EVENTS: Record<ApprovalEvent["type"], ApprovalEvent> = {
  approve: { type: "approve" },
  deny: { type: "deny", reason: "no" },
  expire: { type: "expire" },
  cancel: { type: "cancel" },
};

/** The specification, written out by hand for the pending row. */
const PENDING: Record<ApprovalEvent["type"], Record<When, Transition>> = {
  approve: {
    before: { ok: true, to: "approved" },
    at: { ok: false, reason: "past_deadline", current: "expired" },
    after: { ok: false, reason: "past_deadline", current: "expired" },
  },
  deny: {
    before: { ok: true, to: "denied" },
    at: { ok: false, reason: "past_deadline", current: "expired" },
    after: { ok: false, reason: "past_deadline", current: "expired" },
  },
  cancel: {
    before: { ok: true, to: "cancelled" },
    at: { ok: false, reason: "past_deadline", current: "expired" },
    after: { ok: false, reason: "past_deadline", current: "expired" },
  },
  expire: {
    before: { ok: false, reason: "not_yet_due", current: "pending" },
    at: { ok: true, to: "expired" },
    after: { ok: true, to: "expired" },
  },
};

function expected(status: ApprovalStatus, type: ApprovalEvent["type"], when: When): Transition {
  return status === "pending" ? PENDING[type][when] : { ok: false, reason: "not_pending", current: status };
}

const CASES = APPROVAL_STATUSES.flatMap((status) =>
  (Object.keys(EVENTS) as ApprovalEvent["type"][]).flatMap((type) =>
    (Object.keys(TIMES) as When[]).map((when) => ({ status, type, when, want: expected(status, type, when) })),
  ),
);

describe("transition", () => {
  it("covers every status × event × timing", () => {
    expect(CASES).toHaveLength(APPROVAL_STATUSES.length * 4 * 3);
  });

  it.each(CASES)("$status + $type ($when the deadline) → $want", ({ status, type, when, want }) => {
    expect(transition({ status, expiresAt: deadline }, EVENTS[type], TIMES[when])).toEqual(want);
  });

  it.each(APPROVAL_STATUSES.filter((s) => s !== "pending"))("rejects decisions once %s, even long before the deadline", (status) => {
    const now = new Date(deadline.getTime() - 86_400_000);
    expect(transition({ status, expiresAt: deadline }, { type: "approve" }, now)).toEqual({ ok: false, reason: "not_pending", current: status });
  });

  it("approving with modified arguments is still an approval", () => {
    expect(transition({ status: "pending", expiresAt: deadline }, { type: "approve", finalArguments: { x: 1 } }, TIMES.before)).toEqual({
      ok: true,
      to: "approved",
    });
  });
});

describe("effectiveStatus", () => {
  const cases: { status: ApprovalStatus; when: When; want: ApprovalStatus }[] = APPROVAL_STATUSES.flatMap((status) =>
    (Object.keys(TIMES) as When[]).map((when) => ({
      status,
      when,
      want: status === "pending" && when !== "before" ? ("expired" as const) : status,
    })),
  );

  it.each(cases)("$status $when the deadline reads as $want", ({ status, when, want }) => {
    expect(effectiveStatus({ status, expiresAt: deadline }, TIMES[when])).toBe(want);
  });
});

describe("toAgentVerdict", () => {
  const table: Record<ApprovalStatus, "allow" | "deny" | "wait"> = {
    pending: "wait",
    approved: "allow",
    denied: "deny",
    expired: "deny",
    cancelled: "deny",
  };
  it.each(APPROVAL_STATUSES)("%s", (status) => {
    expect(toAgentVerdict(status)).toBe(table[status]);
  });

  it("a past-due pending request read through effectiveStatus blocks the agent", () => {
    expect(toAgentVerdict(effectiveStatus({ status: "pending", expiresAt: deadline }, TIMES.at))).toBe("deny");
  });
});

describe("isTerminal", () => {
  it.each(APPROVAL_STATUSES)("%s", (status) => {
    expect(isTerminal(status)).toBe(status !== "pending");
  });
});
