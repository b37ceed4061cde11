import { and, asc, count, eq, isNull } from "drizzle-orm";
import { account, agent, apiKey, user, type AgentRow, type ApiKeyRow, type UserRow } from "../schema";
import type { AuditDraft, NewAgent, NewApiKey, NewUser } from "../store";
import type { Db } from "../client";
import type { Tx } from "../writer";
import { appendAuditSync } from "./audit";
import type { Prepared } from "./statements";

export function createAgentSync(tx: Tx, ps: Prepared, a: NewAgent, key: NewApiKey, audit: AuditDraft[]): void {
  tx.insert(agent).values({ id: a.id, name: a.name, mode: a.mode, ownerUserId: a.ownerUserId, createdAt: a.at }).run();
  tx.insert(apiKey).values({ id: key.id, agentId: key.agentId, prefix: key.prefix, hash: key.hash, createdAt: key.at }).run();
  appendAuditSync(ps, audit, a.at);
}

export function addApiKeySync(tx: Tx, ps: Prepared, key: NewApiKey, audit: AuditDraft[]): void {
  tx.insert(apiKey).values({ id: key.id, agentId: key.agentId, prefix: key.prefix, hash: key.hash, createdAt: key.at }).run();
  appendAuditSync(ps, audit, key.at);
}

export function revokeApiKeySync(tx: Tx, ps: Prepared, keyId: string, at: Date, audit: AuditDraft[]): boolean {
  const row = tx.update(apiKey).set({ revokedAt: at }).where(and(eq(apiKey.id, keyId), isNull(apiKey.revokedAt))).returning({ id: apiKey.id }).get();
  if (!row) return false;
  appendAuditSync(ps, audit, at);
  return true;
}

export function findAgentByKeyHashSync(ps: Prepared, hash: string): { agent: AgentRow; keyId: string } | null {
  return ps.agentByKeyHash.get({ hash }) ?? null;
}

export function getApiKeySync(db: Db, id: string): ApiKeyRow | null {
  return db.select().from(apiKey).where(eq(apiKey.id, id)).get() ?? null;
}

export function getAgentSync(ps: Prepared, id: string): AgentRow | null {
  return ps.agentById.get({ id }) ?? null;
}

export function findAgentByNameSync(db: Db, name: string): AgentRow | null {
  return db.select().from(agent).where(eq(agent.name, name)).get() ?? null;
}

export function listAgentsSync(db: Db): AgentRow[] {
  return db.select().from(agent).orderBy(asc(agent.name)).all();
}

/**
 * Writes the user and the credential account exactly as better-auth's own
 * sign-up would, so better-auth signs them in, but in one transaction with
 * the audit event.
 */
export function createUserSync(tx: Tx, ps: Prepared, u: NewUser, audit: AuditDraft[]): void {
  tx.insert(user).values({ id: u.id, name: u.name, email: u.email, emailVerified: true, role: u.role, createdAt: u.at, updatedAt: u.at }).run();
  tx.insert(account)
    .values({ id: `${u.id}-credential`, accountId: u.id, providerId: "credential", userId: u.id, password: u.passwordHash, createdAt: u.at, updatedAt: u.at })
    .run();
  appendAuditSync(ps, audit, u.at);
}

export function getUserSync(db: Db, id: string): UserRow | null {
  return db.select().from(user).where(eq(user.id, id)).get() ?? null;
}

export function findUserByEmailSync(db: Db, email: string): UserRow | null {
  return db.select().from(user).where(eq(user.email, email.toLowerCase())).get() ?? null;
}

export function countUsersSync(db: Db | Tx): number {
  return db.select({ n: count() }).from(user).get()?.n ?? 0;
}
