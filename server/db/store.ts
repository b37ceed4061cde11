import type { JsonValue } from "../domain/json/canonical";
import type { ActorType } from "../domain/audit/chain";
import type { ApprovalStatus, TerminalStatus } from "../domain/approval/status";
import type { Outcome } from "../domain/approval/execution";
import type { Role } from "../domain/auth/roles";
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
  /** Exclusive keyset cursor: the id of the last item of the previous page. */
  cursor?: string;
  limit: number;
};

export type NewUser = { id: string; email: string; name: string; role: Role; passwordHash: string; at: Date };
export type NewAgent = { id: string; name: string; mode: SafetyMode; ownerUserId: string | null; at: Date };
export type NewApiKey = { id: string; agentId: string; prefix: string; hash: string; at: Date };

/**
 * The persistence seam. Every method that changes state writes its audit
 * events in the same transaction; every state change is a conditional write
 * whose failure is reported, never silently ignored.
 */
export type Store = {
  // action requests
  insertRequest(row: ActionRequestRow, decision: NewDecision | null, audit: AuditDraft[]): Promise<InsertRequestResult>;
  getRequest(id: string): Promise<RequestAggregate | null>;
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

  // users
  createUser(user: NewUser, audit: AuditDraft[]): Promise<void>;
  /** Creates the user only if there is no user at all (first-run setup); false otherwise. */
  createFirstUser(user: NewUser, audit: AuditDraft[]): Promise<boolean>;
  getUser(id: string): Promise<UserRow | null>;
  findUserByEmail(email: string): Promise<UserRow | null>;
  countUsers(): Promise<number>;

  // audit
  appendAudit(audit: AuditDraft[], at: Date): Promise<void>;
  auditPage(afterSeq: number, limit: number): Promise<AuditEventRow[]>;
  auditForRequest(requestId: string): Promise<AuditEventRow[]>;

  // outbox
  dueOutbox(now: Date, limit: number): Promise<OutboxRow[]>;
  markOutbox(id: number, result: { delivered: boolean; at: Date; error: string | null; nextAttemptAt: Date | null; audit: AuditDraft[] }): Promise<void>;

  close(): void;
};
