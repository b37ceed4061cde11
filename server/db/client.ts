import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** `file:./data/x.db`, `file:/abs/x.db` or a bare path → an absolute file path. */
export function sqlitePathFromUrl(url: string): string {
  const path = url.startsWith("file:") ? url.slice("file:".length).replace(/^\/\/(?=\/)/, "") : url;
  if (path === "" || path === ":memory:") throw new Error("DATABASE_URL must name a SQLite file (an in-memory database would lose acknowledged work)");
  return resolve(path);
}

/**
 * Opens the database with the settings every guarantee leans on: WAL so
 * readers never block the writer, a busy timeout so a second process (the
 * CLI) waits instead of failing, foreign keys, and synchronous=FULL so a
 * committed submission or decision survives power loss, not only a crash.
 */
export function openDatabase(file: string): Db {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = FULL");
  const db: Db = drizzle(sqlite, { schema });
  return db;
}

export function migrationsFolder(): string {
  return resolve(/*turbopackIgnore: true*/ process.env.COUNTERSIGN_MIGRATIONS ?? resolve(/*turbopackIgnore: true*/ process.cwd(), "drizzle/sqlite"));
}

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: migrationsFolder() });
}
