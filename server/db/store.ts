import type { JsonValue } from "../domain/json/canonical";
import type { ActorType } from "../domain/audit/chain";
import type { ApprovalStatus, TerminalStatus } from "../domain/approval/status";
import type { Outcome } from "../domain/approval/execution";
import type { Role } from "../domain/auth/roles";
import type { RiskTier } from "../domain/approval/risk";
import type { SafetyMode } from "../domain/approval/annotations";
import type {
  ActionRequestRow,
  AgentRow,
  ApiKeyRow,
  AuditEventRow,
  DecisionRow,
  ExecutionClaimRow,
  OutboxRow,
  UserRow,
} from "./schema";
import type { AuditChainRow, AuditFacets, AuditQuery, AuditSearchRow, AuditStats, AuditStatsQuery } from "./audit-search";

/** An audit event before the store gives it a place in the chain. */
export type AuditDraft = {
  actorType: ActorType;
  actorId: string;
  action: string;
  requestId: string | null;
  data: JsonValue;
};

export type RequestAggregate = {
  request: ActionRequestRow;
  decision: DecisionRow | null;
  claim: ExecutionClaimRow | null;
};

export type NewDecision = Omit<DecisionRow, "requestId">;

export type InsertRequestResult =
  | { kind: "created"; aggregate: RequestAggregate }
  | { kind: "existing"; aggregate: RequestAggregate }
  | { kind: "idempotency_conflict"; existingId: string };

export type DecideWrite = {
  to: TerminalStatus;
  at: Date;
  /** Approve/deny/cancel must land before the deadline; the write re-checks it. */
  requireBefore: Date | null;
  finalArguments?: JsonValue;
  finalArgsHash?: string;
  executionToken?: string;
  tokenExpiresAt?: Date;
  decision: NewDecision;
  audit: AuditDraft[];
  outbox?: { kind: string; payload: JsonValue }[];
};

export type ClaimWrite = {
  at: Date;
  executionToken: string;
  executedArguments: JsonValue | null;
  executedArgsHash: string | null;
  reportedVersion: string | null;
  audit: AuditDraft[];
};

export type ListRequestsFilter = {
  status?: ApprovalStatus;
  agentId?: string;
  risk?: RiskTier;
  /** Case-insensitive substring of the tool name. */
  toolContains?: string;
  /** Only requests whose deadline is after this instant (pending ones not yet due). */
  expiresAfter?: Date;
  /** "newest": id descending (the default). "deadline": soonest `expiresAt` first, then id. */
  order?: "newest" | "deadline";
  /** Exclusive keyset cursor for "newest": the id of the last item of the previous page. */
  cursor?: string;
  /** Exclusive keyset cursor for "deadline": the last item of the previous page. */
  deadlineCursor?: { expiresAt: Date; id: string };
  limit: number;
};

export type NewUser = { id: string; email: string; name: string; role: Role; passwordHash: string; at: Date };
export type NewAgent = { id: string; name: string; mode: SafetyMode; ownerUserId: string | null; at: Date };
export type NewApiKey = { id: string; agentId: string; prefix: string; hash: string; at: Date };
export type AgentActivity = { agentId: string; lastRequestAt: Date | null };
export type UserChangeResult =
  | { kind: "updated"; before: UserRow; after: UserRow }
  | { kind: "unchanged"; user: UserRow }
  | { kind: "not_found" }
  /** The change would leave no active admin. */
  | { kind: "last_admin" };

/**
 * The persistence seam. Every method that changes state writes its audit
 * events in the same transaction; every state change is a conditional write
 * whose failure is reported, never silently ignored.
 */
export type Store = {
  // action requests
  insertRequest(row: ActionRequestRow, decision: NewDecision | null, audit: AuditDraft[]): Promise<InsertRequestResult>;
  getRequest(id: string): Promise<RequestAggregate | null>;
  /** The agent's request submitted with this idempotency key, if any. */
  findRequestByIdempotencyKey(agentId: string, key: string): Promise<RequestAggregate | null>;
  listRequests(filter: ListRequestsFilter): Promise<RequestAggregate[]>;
  /** Conditional on `status = 'pending'`; null when another writer got there first. */
  decide(id: string, write: DecideWrite): Promise<RequestAggregate | null>;
  /** Expires every pending request due at `now`; returns them. */
  expireDue(now: Date, audit: (r: ActionRequestRow) => AuditDraft[], decision: (r: ActionRequestRow) => NewDecision): Promise<RequestAggregate[]>;
  nextDeadline(): Promise<Date | null>;
  /** Conditional on approved, unclaimed and the same token; null otherwise. */
  claim(id: string, write: ClaimWrite): Promise<RequestAggregate | null>;
  /** Conditional on a claim with no outcome yet; null otherwise. */
  reportOutcome(id: string, write: { at: Date; outcome: Outcome; detail: string | null; audit: AuditDraft[] }): Promise<RequestAggregate | null>;

  // agents and keys
  createAgent(agent: NewAgent, key: NewApiKey, audit: AuditDraft[]): Promise<void>;
  findAgentByKeyHash(hash: string): Promise<{ agent: AgentRow; keyId: string } | null>;
  getApiKey(id: string): Promise<ApiKeyRow | null>;
  getAgent(id: string): Promise<AgentRow | null>;
  findAgentByName(name: string): Promise<AgentRow | null>;
  listAgents(): Promise<AgentRow[]>;
  addApiKey(key: NewApiKey, audit: AuditDraft[]): Promise<void>;
  revokeApiKey(keyId: string, at: Date, audit: AuditDraft[]): Promise<boolean>;
  listApiKeys(agentId?: string): Promise<ApiKeyRow[]>;
  /** The time of each agent's latest request (null if none). */
  agentActivity(): Promise<AgentActivity[]>;
  /** Null when the agent is missing or already in that mode. */
  setAgentMode(id: string, mode: SafetyMode, at: Date, audit: (before: AgentRow) => AuditDraft[]): Promise<{ before: AgentRow; after: AgentRow } | null>;
  /** Conditional on the agent being enabled (to disable) or disabled (to enable); null otherwise. */
  setAgentDisabled(id: string, disabledAt: Date | null, at: Date, audit: AuditDraft[]): Promise<AgentRow | null>;
  /** Adds a key, revoking `revokeKeyId` (an active key of the same agent) in the same transaction; false, writing nothing, if it is not one. */
  rotateApiKey(key: NewApiKey, revokeKeyId: string | null, audit: AuditDraft[]): Promise<boolean>;

  // users
  createUser(user: NewUser, audit: AuditDraft[]): Promise<void>;
  /** Creates the user only if there is no user at all (first-run setup); false otherwise. */
  createFirstUser(user: NewUser, audit: AuditDraft[]): Promise<boolean>;
  getUser(id: string): Promise<UserRow | null>;
  findUserByEmail(email: string): Promise<UserRow | null>;
  countUsers(): Promise<number>;
  listUsers(): Promise<UserRow[]>;
  /** Role change or (de)activation; never leaves the installation without an active admin. Deactivation deletes the user's sessions. */
  changeUser(id: string, change: { role: Role } | { disabledAt: Date | null }, at: Date, audit: (before: UserRow) => AuditDraft[]): Promise<UserChangeResult>;

  // audit
  appendAudit(audit: AuditDraft[], at: Date): Promise<void>;
  auditPage(afterSeq: number, limit: number): Promise<AuditChainRow[]>;
  auditForRequest(requestId: string): Promise<AuditEventRow[]>;
  /** Keyset-paged search by text and facets (see audit-search.ts). */
  searchAudit(query: AuditQuery): Promise<AuditSearchRow[]>;
  auditStats(query: AuditStatsQuery): Promise<AuditStats>;
  /** The agents, tools and reviewers that occur in the log, for filter menus. */
  auditFacets(): Promise<AuditFacets>;

  // outbox
  dueOutbox(now: Date, limit: number): Promise<OutboxRow[]>;
  markOutbox(id: number, result: { delivered: boolean; at: Date; error: string | null; nextAttemptAt: Date | null; audit: AuditDraft[] }): Promise<void>;

  close(): void;
};
