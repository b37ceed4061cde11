import type { RequestAggregate } from "../../db/store";
import { conflict, type ServiceError } from "../errors";
import { decisionView } from "./view";
import { effectiveStatus } from "../../domain/approval/status";

/** The loser of a race hears who won: "already approved by alice@example.com via web". */
export function alreadyDecided(a: RequestAggregate, now: Date): ServiceError {
  const status = effectiveStatus(a.request, now);
  const d = decisionView(a, now);
  if (!d) return conflict(`request ${a.request.id} is ${status}`, { status });
  return conflict(`request ${a.request.id} was already ${d.outcome} by ${d.by} via ${d.channel}`, {
    status,
    decidedBy: d.by,
    channel: d.channel,
    decidedAt: d.decidedAt,
  });
}
