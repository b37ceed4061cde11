import { and, eq, getTableColumns, getTableName, isNull, sql, type Table } from "drizzle-orm";
import { actionRequest, agent, apiKey, auditEvent, decision, executionClaim } from "../schema";
import type { Db } from "../client";

/**
 * A prepared INSERT for a table: the SQL is built once from drizzle's column
 * definitions, and each call only maps values with the columns' own encoders
 * (JSON, timestamps, booleans). drizzle's builder costs ~0.4 ms a statement
 * on this hardware, more than SQLite itself, so hot paths use these.
 */
function preparedInsert<T extends Table>(db: Db, table: T): (row: T["$inferInsert"]) => void {
  // Generated columns (the audit log's search facets) are computed by SQLite, never inserted.
  const columns = Object.entries(getTableColumns(table)).filter(([, c]) => c.generated === undefined);
  const names = columns.map(([, c]) => `"${c.name}"`).join(", ");
  const stmt = db.$client.prepare(`INSERT INTO "${getTableName(table)}" (${names}) VALUES (${columns.map(() => "?").join(", ")})`);
  return (row) => {
    const r = row as Record<string, unknown>;
    const values = columns.map(([key, c]) => {
      const v = r[key];
      if (v === undefined && c.default !== undefined) return c.mapToDriverValue(c.default);
      return v === undefined || v === null ? null : (c.mapToDriverValue(v));
    });
    stmt.run(values);
  };
}

export type Prepared = ReturnType<typeof prepareStatements>;

export function prepareStatements(db: Db) {
  const id = sql.placeholder("id");
  return {
    getRequest: db
      .select({ request: actionRequest, decision, claim: executionClaim })
      .from(actionRequest)
      .leftJoin(decision, eq(decision.requestId, actionRequest.id))
      .leftJoin(executionClaim, eq(executionClaim.requestId, actionRequest.id))
      .where(eq(actionRequest.id, id))
      .prepare(),
    idempotent: db
      .select({ id: actionRequest.id, bodyHash: actionRequest.bodyHash })
      .from(actionRequest)
      .where(and(eq(actionRequest.agentId, sql.placeholder("agentId")), eq(actionRequest.idempotencyKey, sql.placeholder("key"))))
      .prepare(),
    agentById: db.select().from(agent).where(eq(agent.id, id)).prepare(),
    agentByKeyHash: db
      .select({ agent, keyId: apiKey.id })
      .from(apiKey)
      .innerJoin(agent, eq(agent.id, apiKey.agentId))
      .where(and(eq(apiKey.hash, sql.placeholder("hash")), isNull(apiKey.revokedAt), isNull(agent.disabledAt)))
      .prepare(),
    auditHead: db.$client.prepare<[], { seq: number; hash: string }>(`SELECT seq, hash FROM "${getTableName(auditEvent)}" ORDER BY seq DESC LIMIT 1`),
    insertAudit: preparedInsert(db, auditEvent),
    insertRequest: preparedInsert(db, actionRequest),
    insertDecision: preparedInsert(db, decision),
  };
}
