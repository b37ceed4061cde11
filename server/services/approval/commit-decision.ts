import { hasRole } from "../../domain/auth/roles";
import type { DecideWrite, RequestAggregate } from "../../db/store";
import type { Actor, ServiceContext } from "../context";
import { forbidden } from "../errors";
import { alreadyDecided } from "./already-decided";
import { toReviewerView, type ReviewerRequestView } from "./view";

export function assertCanDecide(actor: Actor): void {
  if (actor.type === "user" && hasRole(actor.role, "reviewer")) return;
  throw forbidden("deciding requests needs the reviewer role", { needed: "reviewer" });
}

/**
 * Writes a reviewer's decision (an approval, a denial or a question's
 * answer) through the store's conditional write: the first decision is the
 * only one, and the loser hears who won.
 */
export async function commitDecision(ctx: ServiceContext, current: RequestAggregate, write: DecideWrite, agentName: string): Promise<ReviewerRequestView> {
  const id = current.request.id;
  const updated = await ctx.store.decide(id, write);
  if (!updated) {
    const latest = await ctx.store.getRequest(id);
    throw alreadyDecided(latest ?? current, ctx.now());
  }
  ctx.hub.requestChanged(updated);
  return toReviewerView(updated, agentName, ctx.now(), ctx.config);
}
