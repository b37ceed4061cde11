import type { Store } from "../store";
import { migrateDatabase, openDatabase, type Db } from "../client";
import { GroupWriter } from "../writer";
import { appendAuditSync, auditForRequestSync, auditPageSync } from "./audit";
import * as req from "./requests";
import * as ids from "./identities";
import * as admin from "./admin";
import * as ob from "./outbox";
import { prepareStatements } from "./statements";
import { createAuditSearch } from "./audit-search";
import { createAuditIndexer } from "./audit-index";

/** Opens (and migrates) a SQLite file and wraps it in the store. */
export function openSqliteStore(file: string): { db: Db; store: Store } {
  const db = openDatabase(file);
  migrateDatabase(db);
  return { db, store: createSqliteStore(db) };
}

/** The embedded default: one SQLite file, writes group-committed, reads direct. */
export function createSqliteStore(db: Db): Store {
  const indexer = createAuditIndexer(db);
  const backlog = indexer.backlog();
  if (backlog > 0) {
    if (backlog > 20_000) console.log(`indexing ${backlog} audit events for search…`);
    indexer.indexBacklog();
  }
  // The audit search index follows each commit shortly after, in batches (audit-index.ts).
  const w = new GroupWriter(db, 512, indexer.soon);
  const ps = prepareStatements(db);
  const auditSearch = createAuditSearch(db);
  const read = <T>(fn: () => T): Promise<T> => {
    try {
      return Promise.resolve(fn());
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  };

  return {
    insertRequest: (row, dec, audit) => w.run(() => req.insertRequestSync(ps, row, dec, audit)),
    getRequest: (id) => read(() => req.getRequestSync(ps, id)),
    findRequestByIdempotencyKey: (agentId, key) => read(() => req.findRequestByIdempotencyKeySync(ps, agentId, key)),
    listRequests: (f) => read(() => req.listRequestsSync(db, f)),
    decide: (id, write) => w.run((tx) => req.decideSync(tx, ps, id, write)),
    expireDue: (now, audit, dec) => w.run((tx) => req.expireDueSync(tx, ps, now, audit, dec)),
    nextDeadline: () => read(() => req.nextDeadlineSync(db)),
    claim: (id, write) => w.run((tx) => req.claimSync(tx, ps, id, write)),
    reportOutcome: (id, write) => w.run((tx) => req.reportOutcomeSync(tx, ps, id, write)),

    createAgent: (a, key, audit) => w.run((tx) => ids.createAgentSync(tx, ps, a, key, audit)),
    findAgentByKeyHash: (hash) => read(() => ids.findAgentByKeyHashSync(ps, hash)),
    getApiKey: (id) => read(() => ids.getApiKeySync(db, id)),
    getAgent: (id) => read(() => ids.getAgentSync(ps, id)),
    findAgentByName: (name) => read(() => ids.findAgentByNameSync(db, name)),
    listAgents: () => read(() => ids.listAgentsSync(db)),
    addApiKey: (key, audit) => w.run((tx) => ids.addApiKeySync(tx, ps, key, audit)),
    revokeApiKey: (keyId, at, audit) => w.run((tx) => ids.revokeApiKeySync(tx, ps, keyId, at, audit)),
    listApiKeys: (agentId) => read(() => admin.listApiKeysSync(db, agentId)),
    agentActivity: () => read(() => admin.agentActivitySync(db)),
    setAgentMode: (id, mode, at, audit) => w.run((tx) => admin.setAgentModeSync(tx, ps, id, mode, at, audit)),
    setAgentDisabled: (id, disabledAt, at, audit) => w.run((tx) => admin.setAgentDisabledSync(tx, ps, id, disabledAt, at, audit)),
    rotateApiKey: (key, revokeKeyId, audit) => w.run((tx) => admin.rotateApiKeySync(tx, ps, key, revokeKeyId, audit)),

    createUser: (u, audit) => w.run((tx) => ids.createUserSync(tx, ps, u, audit)),
    createFirstUser: (u, audit) =>
      w.run((tx) => {
        if (ids.countUsersSync(tx) > 0) return false;
        ids.createUserSync(tx, ps, u, audit);
        return true;
      }),
    getUser: (id) => read(() => ids.getUserSync(db, id)),
    findUserByEmail: (email) => read(() => ids.findUserByEmailSync(db, email)),
    countUsers: () => read(() => ids.countUsersSync(db)),
    listUsers: () => read(() => admin.listUsersSync(db)),
    changeUser: (id, change, at, audit) => w.run((tx) => admin.changeUserSync(tx, ps, id, change, at, audit)),

    appendAudit: (audit, at) => w.run(() => appendAuditSync(ps, audit, at)),
    auditPage: (afterSeq, limit) => read(() => auditPageSync(db, afterSeq, limit)),
    auditForRequest: (id) => read(() => auditForRequestSync(db, id)),
    searchAudit: (q) =>
      read(() => {
        indexer.catchUp();
        return auditSearch.search(q);
      }),
    auditStats: (q) => read(() => auditSearch.stats(q)),
    auditFacets: () => read(() => auditSearch.facets()),

    dueOutbox: (now, limit) => read(() => ob.dueOutboxSync(db, now, limit)),
    markOutbox: (id, r) => w.run((tx) => ob.markOutboxSync(tx, ps, id, r)),

    close: () => {
      indexer.stop();
      try {
        indexer.catchUp();
      } catch (e) {
        console.error("audit search index on close:", e);
      }
      db.$client.close();
    },
  };
}
