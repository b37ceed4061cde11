import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { APPROVAL_STATUSES } from "../domain/approval/status";
import { EXECUTION_STATUSES } from "../domain/approval/execution";
import { RISK_TIERS } from "../domain/approval/risk";
import { SAFETY_MODES } from "../domain/approval/annotations";
import { ACTOR_TYPES } from "../domain/audit/chain";
import { ROLES } from "../domain/auth/roles";
import { REQUEST_KINDS } from "../domain/approval/kind";

const ts = (name: string) => integer(name, { mode: "timestamp_ms" });

// ── better-auth's tables (columns named as its drizzle adapter expects) ──
export const user = sqliteTable("user", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: integer("email_verified", { mode: "boolean" }).notNull().default(false),
  image: text("image"),
  role: text("role", { enum: ROLES }).notNull().default("viewer"),
  disabledAt: ts("disabled_at"),
  createdAt: ts("created_at").notNull(),
  updatedAt: ts("updated_at").notNull(),
});

export const session = sqliteTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: ts("expires_at").notNull(),
    token: text("token").notNull().unique(),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id").notNull().references(() => user.id, { onDelete: "cascade" }),
  },
  (t) => [index("session_user_id_idx").on(t.userId)],
);

export const account = sqliteTable(
  "account",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id").notNull().references(() => user.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: ts("access_token_expires_at"),
    refreshTokenExpiresAt: ts("refresh_token_expires_at"),
    scope: text("scope"),
    password: text("password"),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [index("account_user_id_idx").on(t.userId)],
);

export const verification = sqliteTable("verification", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: ts("expires_at").notNull(),
  createdAt: ts("created_at").notNull(),
  updatedAt: ts("updated_at").notNull(),
});

// ── Countersign ──
export const agent = sqliteTable("agent", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  mode: text("mode", { enum: SAFETY_MODES }).notNull().default("read_only"),
  ownerUserId: text("owner_user_id").references(() => user.id, { onDelete: "set null" }),
  createdAt: ts("created_at").notNull(),
  disabledAt: ts("disabled_at"),
});

export const apiKey = sqliteTable(
  "api_key",
  {
    id: text("id").primaryKey(),
    agentId: text("agent_id").notNull().references(() => agent.id, { onDelete: "cascade" }),
    /** First characters of the key, for recognising it in lists; never enough to use it. */
    prefix: text("prefix").notNull(),
    /** SHA-256 of the whole key; the key itself is shown once and never stored. */
    hash: text("hash").notNull(),
    createdAt: ts("created_at").notNull(),
    revokedAt: ts("revoked_at"),
  },
  (t) => [uniqueIndex("api_key_hash_idx").on(t.hash), index("api_key_agent_id_idx").on(t.agentId)],
);

export const actionRequest = sqliteTable(
  "action_request",
  {
    id: text("id").primaryKey(),
    agentId: text("agent_id").notNull().references(() => agent.id),
    /** "question": tool is human_contact, arguments { message, subject?, responseOptions? }, the answer is the approval's comment. */
    kind: text("kind", { enum: REQUEST_KINDS }).notNull().default("action"),
    tool: text("tool").notNull(),
    summary: text("summary"),
    reason: text("reason"),
    /** As submitted: the agent must be able to execute what it proposed. */
    arguments: text("arguments", { mode: "json" }).notNull(),
    /** Secrets replaced; what reviewers and the audit log see. */
    argumentsRedacted: text("arguments_redacted", { mode: "json" }).notNull(),
    redactedPaths: text("redacted_paths", { mode: "json" }).$type<string[]>().notNull(),
    argsHash: text("args_hash").notNull(),
    annotations: text("annotations", { mode: "json" }).notNull(),
    preview: text("preview", { mode: "json" }),
    previewDigest: text("preview_digest"),
    argumentsSchema: text("arguments_schema", { mode: "json" }),
    session: text("session"),
    resources: text("resources", { mode: "json" }).$type<string[]>(),
    callbackUrl: text("callback_url"),
    /** The key that submitted it: webhooks are signed with that key's hash, which the agent can compute. */
    apiKeyId: text("api_key_id"),
    idempotencyKey: text("idempotency_key"),
    bodyHash: text("body_hash").notNull(),
    risk: text("risk", { enum: RISK_TIERS }).notNull(),
    riskReasons: text("risk_reasons", { mode: "json" }).$type<string[]>().notNull(),
    policyEffect: text("policy_effect").notNull(),
    policyReason: text("policy_reason").notNull(),
    status: text("status", { enum: APPROVAL_STATUSES }).notNull(),
    createdAt: ts("created_at").notNull(),
    expiresAt: ts("expires_at").notNull(),
    decidedAt: ts("decided_at"),
    finalArguments: text("final_arguments", { mode: "json" }),
    finalArgsHash: text("final_args_hash"),
    executionToken: text("execution_token"),
    tokenExpiresAt: ts("token_expires_at"),
    executionStatus: text("execution_status", { enum: EXECUTION_STATUSES }),
    /**
     * What the submitting channel asked to get back unchanged and nothing
     * else reads (HumanLayer's spec.channel, reject_options, state). Never
     * shown to reviewers nor written to the audit log; part of the body hash.
     */
    channelData: text("channel_data", { mode: "json" }),
  },
  (t) => [
    index("action_request_status_expires_at_idx").on(t.status, t.expiresAt),
    index("action_request_agent_id_idx").on(t.agentId, t.id),
    uniqueIndex("action_request_agent_idempotency_idx")
      .on(t.agentId, t.idempotencyKey)
      .where(sql`idempotency_key IS NOT NULL`),
  ],
);

export const decision = sqliteTable(
  "decision",
  {
    id: text("id").primaryKey(),
    requestId: text("request_id").notNull().references(() => actionRequest.id),
    outcome: text("outcome", { enum: ["approved", "denied", "expired", "cancelled"] }).notNull(),
    actorType: text("actor_type", { enum: ACTOR_TYPES }).notNull(),
    actorId: text("actor_id").notNull(),
    actorLabel: text("actor_label").notNull(),
    channel: text("channel").notNull(),
    comment: text("comment"),
    modified: integer("modified", { mode: "boolean" }).notNull().default(false),
    finalArguments: text("final_arguments", { mode: "json" }),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [uniqueIndex("decision_request_id_idx").on(t.requestId)],
);

export const executionClaim = sqliteTable("execution_claim", {
  /** One claim per request: the primary key is the last line of defence for single use. */
  requestId: text("request_id").primaryKey().references(() => actionRequest.id),
  claimedAt: ts("claimed_at").notNull(),
  executedArguments: text("executed_arguments", { mode: "json" }),
  executedArgsHash: text("executed_args_hash"),
  reportedVersion: text("reported_version"),
  outcome: text("outcome", { enum: ["succeeded", "failed"] }),
  detail: text("detail"),
  completedAt: ts("completed_at"),
});

/** A decision's outcome from its action; an execution report's from its data (succeeded | failed). */
const AUDIT_OUTCOME_SQL = sql`CASE WHEN action IN ('request.approved', 'request.denied', 'request.expired', 'request.cancelled') THEN substr(action, 9) WHEN action = 'execution.reported' THEN json_extract(data, '$.outcome') END`;

export const auditEvent = sqliteTable(
  "audit_event",
  {
    seq: integer("seq").primaryKey(),
    at: text("at").notNull(),
    actorType: text("actor_type", { enum: ACTOR_TYPES }).notNull(),
    actorId: text("actor_id").notNull(),
    action: text("action").notNull(),
    requestId: text("request_id"),
    data: text("data").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
    // Search facets, derived from `data` and never stored: VIRTUAL columns cost
    // nothing in the row and are not part of the hash chain, which covers the
    // columns above. Filtering by them goes through the full-text index, which
    // derives the same values in facetsOf (domain/audit/search-index.ts; a test
    // holds the two together); these indexes serve the filter menus and charts.
    outcome: text("outcome").generatedAlwaysAs(AUDIT_OUTCOME_SQL, { mode: "virtual" }),
    agent: text("agent").generatedAlwaysAs(sql`CASE WHEN action = 'agent.created' THEN json_extract(data, '$.name') ELSE json_extract(data, '$.agent') END`, { mode: "virtual" }),
    tool: text("tool").generatedAlwaysAs(sql`json_extract(data, '$.tool')`, { mode: "virtual" }),
    risk: text("risk").generatedAlwaysAs(sql`json_extract(data, '$.risk')`, { mode: "virtual" }),
    channel: text("channel").generatedAlwaysAs(sql`json_extract(data, '$.channel')`, { mode: "virtual" }),
    /** The person who approved or denied; null on every other event. */
    reviewer: text("reviewer").generatedAlwaysAs(sql`CASE WHEN actor_type = 'user' AND action IN ('request.approved', 'request.denied') THEN actor_id END`, { mode: "virtual" }),
    /** Submission to decision, on decision events. */
    waitedMs: integer("waited_ms").generatedAlwaysAs(sql`json_extract(data, '$.waitedMs')`, { mode: "virtual" }),
  },
  (t) => [
    index("audit_event_request_id_idx").on(t.requestId),
    index("audit_event_at_idx").on(t.at),
    // Decisions per day by outcome, read from the index alone.
    index("audit_event_outcome_at_idx").on(t.outcome, t.at).where(sql`"outcome" IS NOT NULL`),
    // People's decisions with what the time-to-decision chart needs, read from the index alone.
    index("audit_event_reviewed_risk_at_idx").on(t.risk, t.at, t.waitedMs).where(sql`"reviewer" IS NOT NULL`),
    // Distinct values for the filter menus (a skip scan: one seek per value).
    ...(["agent", "tool", "reviewer"] as const).map((c) => index(`audit_event_${c}_idx`).on(t[c]).where(sql`${sql.identifier(c)} IS NOT NULL`)),
  ],
);

export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind").notNull(),
    requestId: text("request_id"),
    payload: text("payload", { mode: "json" }).notNull(),
    createdAt: ts("created_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at").notNull(),
    deliveredAt: ts("delivered_at"),
    failedAt: ts("failed_at"),
    lastError: text("last_error"),
  },
  (t) => [index("outbox_pending_idx").on(t.deliveredAt, t.failedAt, t.nextAttemptAt)],
);

export type UserRow = typeof user.$inferSelect;
export type AgentRow = typeof agent.$inferSelect;
export type ApiKeyRow = typeof apiKey.$inferSelect;
export type ActionRequestRow = typeof actionRequest.$inferSelect;
export type DecisionRow = typeof decision.$inferSelect;
export type ExecutionClaimRow = typeof executionClaim.$inferSelect;
export type AuditEventRow = typeof auditEvent.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;
