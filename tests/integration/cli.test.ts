import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { sqlitePathFromUrl } from "@/server/db/client";
import { openSqliteStore } from "@/server/db/sqlite";
import { authenticateApiKey } from "@/server/services/agents/authenticate";
import type { Store } from "@/server/db/store";
import { tempDatabaseUrl } from "../fixtures/test-db";
import { runCountersign } from "../fixtures/cli";

describe("the countersign CLI (real process)", () => {
  const databaseUrl = tempDatabaseUrl("cli");
  const file = sqlitePathFromUrl(databaseUrl);
  const cli = (...args: string[]) => runCountersign(args, databaseUrl);
  let store: Store | null = null;
  const openStore = () => (store ??= openSqliteStore(file).store);
  const auditCount = () => {
    const db = new Database(file, { readonly: true });
    try {
      return (db.prepare("SELECT count(*) AS n FROM audit_event").get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    // A few events in the chain before anything is checked.
    const admin = await cli("user", "create", "--email", "Admin@Example.com", "--password", "correct horse battery", "--role", "admin");
    expect(admin.code, admin.stderr).toBe(0);
    expect(admin.stdout).toMatch(/created admin admin@example\.com/);
  });
  afterAll(() => store?.close());

  it("agent create --json prints {id, apiKey}, and that key authenticates as the new agent", async () => {
    const r = await cli("agent", "create", "--name", "x", "--mode", "write_idempotent", "--json");
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { id: string; apiKey: string };
    expect(Object.keys(out).sort()).toEqual(["apiKey", "id"]);
    expect(out.apiKey).toMatch(/^cs_[A-Za-z0-9_-]{40,}$/);

    const actor = await authenticateApiKey(openStore(), out.apiKey, "api");
    expect(actor).toMatchObject({ type: "agent", agentId: out.id, agentName: "x" });
    expect((await openStore().getAgent(out.id))?.mode).toBe("write_idempotent");
    expect(await authenticateApiKey(openStore(), `${out.apiKey.slice(0, -1)}${out.apiKey.endsWith("A") ? "B" : "A"}`, "api")).toBeNull();
  });

  it("a duplicate agent name exits non-zero with a clear message", async () => {
    const before = auditCount();
    const r = await cli("agent", "create", "--name", "x", "--json");
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('an agent named "x" already exists');
    expect(r.stdout).toBe("");
    expect(auditCount()).toBe(before);
  });

  it("user create refuses a bad email or a short password with a clear message", async () => {
    const email = await cli("user", "create", "--email", "not-an-email", "--password", "correct horse battery", "--role", "reviewer");
    expect(email.code).not.toBe(0);
    expect(email.stderr).toMatch(/email: a valid email address is needed/);

    const pw = await cli("user", "create", "--email", "bob@example.com", "--password", "short", "--role", "reviewer");
    expect(pw.code).not.toBe(0);
    expect(pw.stderr).toMatch(/password: passwords need at least 8 characters/);

    const role = await cli("user", "create", "--email", "bob@example.com", "--password", "correct horse battery", "--role", "root");
    expect(role.code).not.toBe(0);
    expect(role.stderr).toMatch(/role/);
    expect(await openStore().findUserByEmail("bob@example.com")).toBeNull();
  });

  it("audit export --format ndjson prints one JSON object per event", async () => {
    const n = auditCount();
    expect(n).toBeGreaterThanOrEqual(3);
    const r = await cli("audit", "export", "--format", "ndjson");
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split("\n").filter((l) => l !== "");
    expect(lines).toHaveLength(n);
    const events = lines.map((l) => JSON.parse(l) as { seq: number; action: string; data: unknown; hash: string });
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["user.created", "agent.created", "api_key.created"]));
    for (const e of events) {
      expect(typeof e.data).toBe("object");
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("audit export --format csv has a header row and one line per event; --format xml exits 2", async () => {
    const n = auditCount();
    const r = await cli("audit", "export", "--format", "csv");
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split("\n").filter((l) => l !== "");
    expect(lines[0]).toBe("seq,at,actorType,actorId,action,requestId,data,prevHash,hash");
    expect(lines).toHaveLength(n + 1);
    lines.slice(1).forEach((l, i) => expect(l.startsWith(`"${i + 1}","`)).toBe(true));

    const xml = await cli("audit", "export", "--format", "xml");
    expect(xml.code).toBe(2);
    expect(xml.stderr).toMatch(/--format must be ndjson or csv/);
    expect(xml.stdout).toBe("");
  });

  it("audit verify exits 0 on a good chain and 1 naming the broken seq after tampering", async () => {
    const good = await cli("audit", "verify");
    expect(good.code, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toMatch(new RegExp(`audit chain verified: ${auditCount()} events`));

    const tampered = 2;
    const db = new Database(file);
    try {
      const row = db.prepare("SELECT data FROM audit_event WHERE seq = ?").get(tampered) as { data: string };
      const data = JSON.parse(row.data) as Record<string, unknown>;
      expect(db.prepare("UPDATE audit_event SET data = ? WHERE seq = ?").run(JSON.stringify({ ...data, mode: "write_destructive" }), tampered).changes).toBe(1);
    } finally {
      db.close();
    }

    const bad = await cli("audit", "verify");
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(new RegExp(`BROKEN at event ${tampered}\\b`));
    expect(bad.stdout).toMatch(/hash_mismatch/);
    const json = await cli("audit", "verify", "--json");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, count: tampered - 1, firstBroken: { seq: tampered, reason: "hash_mismatch" } });
  });
});
