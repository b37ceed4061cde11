import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * better-auth signs session cookies with a secret. Without one configured,
 * a random secret is created next to the database on first start and reused,
 * so sessions survive restarts and nobody ships a default.
 */
export function loadOrCreateSecret(file: string): string {
  if (existsSync(file)) {
    const s = readFileSync(file, "utf8").trim();
    if (s.length >= 32) return s;
  }
  const s = randomBytes(32).toString("base64url");
  writeFileSync(file, `${s}\n`, { mode: 0o600 });
  return s;
}
