import { and, asc, count, eq, isNotNull, isNull, ne } from "drizzle-orm";
import { agent, apiKey, session, user, type AgentRow, type ApiKeyRow, type UserRow } from "../schema";
import type { AgentActivity, AuditDraft, NewApiKey, UserChangeResult } from "../store";
import type { SafetyMode } from "../../domain/approval/annotations";
import type { Role } from "../../domain/auth/roles";
import type { Db } from "../client";
import type { Tx } from "../writer";
import { appendAuditSync } from "./audit";
import type { Prepared } from "./statements";

// ── agents and keys ──

export function listApiKeysSync(db: Db, agentId?: string): ApiKeyRow[] {
  return db
    .select()
    .from(apiKey)
    .where(agentId ? eq(apiKey.agentId, agentId) : undefined)
    .orderBy(asc(apiKey.createdAt))
    .all();
}

/**
 * Latest request per agent. Request ids are UUIDv7 (time-ordered), so the
 * newest one is the last entry of the `(agent_id, id)` index: one index seek
 * per agent, whatever the size of the request table.
 */
export function agentActivitySync(db: Db): AgentActivity[] {
  const rows = db.$client
    .prepare<[], { agentId: string; last: number | null }>(
      `SELECT a.id AS agentId,
              (SELECT r.created_at FROM action_request r WHERE r.agent_id = a.id ORDER BY r.id DESC LIMIT 1) AS last
         FROM agent a`,
    )
    .all();
  return rows.map((r) => ({ agentId: r.agentId, lastRequestAt: r.last === null ? null : new Date(r.last) }));
}

export function setAgentModeSync(tx: Tx, ps: Prepared, id: string, mode: SafetyMode, at: Date, audit: (before: AgentRow) => AuditDraft[]): { before: AgentRow; after: AgentRow } | null {
  const before = ps.agentById.get({ id });
  if (!before || before.mode === mode) return null;
  const after = tx.update(agent).set({ mode }).where(and(eq(agent.id, id), eq(agent.mode, before.mode))).returning().get();
  if (!after) return null;
  appendAuditSync(ps, audit(before), at);
  return { before, after };
}

/** Disables (`disabledAt` set) or enables (null) an agent; null when it is missing or already so. */
export function setAgentDisabledSync(tx: Tx, ps: Prepared, id: string, disabledAt: Date | null, at: Date, audit: AuditDraft[]): AgentRow | null {
  const row = tx
    .update(agent)
    .set({ disabledAt })
    .where(and(eq(agent.id, id), disabledAt ? isNull(agent.disabledAt) : isNotNull(agent.disabledAt)))
    .returning()
    .get();
  if (!row) return null;
  appendAuditSync(ps, audit, at);
  return row;
}

/**
 * Adds a key and, for a rotation, revokes the old one of the same agent in
 * the same transaction. Nothing is written when the old key is not an active
 * key of that agent.
 */
export function rotateApiKeySync(tx: Tx, ps: Prepared, key: NewApiKey, revokeKeyId: string | null, audit: AuditDraft[]): boolean {
  if (revokeKeyId !== null) {
    const revoked = tx
      .update(apiKey)
      .set({ revokedAt: key.at })
      .where(and(eq(apiKey.id, revokeKeyId), eq(apiKey.agentId, key.agentId), isNull(apiKey.revokedAt)))
      .returning({ id: apiKey.id })
      .get();
    if (!revoked) return false;
  }
  tx.insert(apiKey).values({ id: key.id, agentId: key.agentId, prefix: key.prefix, hash: key.hash, createdAt: key.at }).run();
  appendAuditSync(ps, audit, key.at);
  return true;
}

// ── users ──

export function listUsersSync(db: Db): UserRow[] {
  return db.select().from(user).orderBy(asc(user.email)).all();
}

const activeAdminsOtherThan = (tx: Tx, id: string): number =>
  tx
    .select({ n: count() })
    .from(user)
    .where(and(eq(user.role, "admin"), isNull(user.disabledAt), ne(user.id, id)))
    .get()?.n ?? 0;

const isActiveAdmin = (u: UserRow) => u.role === "admin" && u.disabledAt === null;

/**
 * Changes a role or the deactivation mark, refusing (inside the write
 * transaction, so two admins demoting each other cannot both win) any change
 * that would leave no active admin. Deactivation also deletes the user's
 * sessions, so a signed-in browser is signed out at once.
 */
export function changeUserSync(
  tx: Tx,
  ps: Prepared,
  id: string,
  change: { role: Role } | { disabledAt: Date | null },
  at: Date,
  audit: (before: UserRow) => AuditDraft[],
): UserChangeResult {
  const before = tx.select().from(user).where(eq(user.id, id)).get();
  if (!before) return { kind: "not_found" };
  const next: UserRow = { ...before, ...change, updatedAt: at };
  const unchanged = "role" in change ? before.role === change.role : (before.disabledAt === null) === (change.disabledAt === null);
  if (unchanged) return { kind: "unchanged", user: before };
  if (isActiveAdmin(before) && !isActiveAdmin(next) && activeAdminsOtherThan(tx, id) === 0) return { kind: "last_admin" };
  const after = tx
    .update(user)
    .set({ ...change, updatedAt: at })
    .where(eq(user.id, id))
    .returning()
    .get();
  if (!after) return { kind: "not_found" };
  if ("disabledAt" in change && change.disabledAt) tx.delete(session).where(eq(session.userId, id)).run();
  appendAuditSync(ps, audit(before), at);
  return { kind: "updated", before, after };
}
