import type { AuditDraft } from "../../db/store";
import { actorId, actorLabel, type Actor, type ServiceContext } from "../context";
import { forbidden } from "../errors";

/**
 * Admin verbs check the actor themselves, whatever channel called them: a
 * user needs the admin role; the CLI (a system actor on the host) may; an
 * agent never may.
 */
export function assertAdmin(actor: Actor): void {
  if (actor.type === "system") return;
  if (actor.type === "user" && actor.role === "admin") return;
  throw forbidden("this needs the admin role", { needed: "admin" });
}

/**
 * The audit draft of an admin action, attributed to the actor (`by` is the
 * readable label) and the channel it came through. Actions on an agent carry
 * its name as `agent`, which the audit log's agent filter reads.
 */
export function adminAudit(ctx: ServiceContext, action: string, data: { [k: string]: string | boolean | null }): AuditDraft {
  return { actorType: ctx.actor.type, actorId: actorId(ctx.actor), action, requestId: null, data: { ...data, by: actorLabel(ctx.actor), channel: ctx.actor.channel } };
}
