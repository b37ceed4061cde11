import { describe, expect, it } from "vitest";
import type { JsonValue } from "../json/canonical";
import { isSecretKey, REDACTED, redact, redactString, restoreRedacted } from "./redact";

// Fake secrets are assembled at run time so secret scanners do not flag this file.
const FAKE = {
  aws: "AKIA" + "ABCDEFGHIJ234567",
  awsSession: "ASIA" + "ABCDEFGHIJ234567",
  github: "ghp_" + "a1".repeat(18),
  githubPat: "github_pat_" + "A_b1".repeat(11),
  slack: "xoxb-" + "1234-5678-abcdefghij",
  openai: "sk-" + "proj-" + "Ab1_".repeat(6),
  countersign: "cs_" + "k9".repeat(16),
  jwt: "eyJ" + "hbGciOiJIUzI1NiJ9" + ".eyJ" + "zdWIiOiIxMjM0NTY3ODkwIn0" + "." + "SflKxwRJSMeKKF2QT4fwpM",
  pem: "-----BEGIN RSA PRIVATE" + " KEY-----\nMIIEowIBAAKCAQEA\nabc==\n-----END RSA PRIVATE" + " KEY-----",
};

describe("isSecretKey", () => {
  const secret = [
    "password", "PASSWORD", "db_password", "passwd", "passphrase", "secret", "clientSecret", "client_secret", "client-secret",
    "apiKey", "api_key", "api-key", "X-Api-Key", "APIKey", "API_KEY", "apikey", "accessToken", "access_token", "refresh-token",
    "authorization", "Authorization", "private_key", "privateKey", "accessKeyId", "aws_secret_access_key", "sessionId",
    "session_id", "Cookie", "set-cookie", "credentials",
    // plurals (fixed: these used to pass through)
    "secrets", "passwords", "cookies", "apiKeys", "api_keys", "private_keys",
  ];
  const notSecret = ["max_tokens", "session_user_id", "api_version", "tokenizer", "author", "keyboard", "key", "monkey", "keyname", "session", "id", "name", "passage", "secretary"];

  it.each(secret)("%s is a secret key", (k) => expect(isSecretKey(k)).toBe(true));
  it.each(notSecret)("%s is not a secret key", (k) => expect(isSecretKey(k)).toBe(false));
});

describe("redactString: secret-looking values, even inside longer text", () => {
  it.each(Object.entries(FAKE))("%s", (_name, secret) => {
    const out = redactString(`before ${secret} after`);
    expect(out).toBe(`before ${REDACTED} after`);
    expect(out).not.toContain(secret.slice(0, 12));
  });

  it("Bearer and Basic credentials keep the surrounding text", () => {
    expect(redactString("Authorization: Bearer abcdefghijklmnop1234 ok")).toBe(`Authorization: ${REDACTED} ok`);
    expect(redactString("curl -H 'Authorization: Basic dXNlcjpwYXNzd29yZDEyMw==' x")).toBe(`curl -H 'Authorization: ${REDACTED}' x`);
  });

  it("a truncated PEM block is redacted to the end", () => {
    expect(redactString("key: -----BEGIN PRIVATE" + " KEY-----\nMIIabc")).toBe(`key: ${REDACTED}`);
  });

  it("redacts every occurrence, also on repeated calls (global regex state does not leak)", () => {
    const s = `${FAKE.aws} and ${FAKE.aws}`;
    expect(redactString(s)).toBe(`${REDACTED} and ${REDACTED}`);
    expect(redactString(s)).toBe(`${REDACTED} and ${REDACTED}`);
  });

  it.each([
    "plain text", "task-1234567890123456789012345", "AKIA too short", "docs_" + "x".repeat(40), "Bearer short", "ghp_short", "public key -----BEGIN PUBLIC KEY-----",
  ])("leaves %j alone", (s) => {
    expect(redactString(s)).toBe(s);
  });
});

describe("redact", () => {
  it("replaces secret keys and secret values, reports the paths, leaves the rest", () => {
    const input: JsonValue = {
      repo: "acme/api",
      password: "hunter2",
      nested: { apiKey: 12345, list: [{ token: { deep: "x" } }, `token is ${FAKE.github}`], max_tokens: 100 },
      author: "ann",
    };
    const { value, paths } = redact(input);
    expect(value).toEqual({
      repo: "acme/api",
      password: REDACTED,
      nested: { apiKey: REDACTED, list: [{ token: REDACTED }, `token is ${REDACTED}`], max_tokens: 100 },
      author: "ann",
    });
    expect(paths.sort()).toEqual(["$.nested.apiKey", "$.nested.list[0].token", "$.nested.list[1]", "$.password"].sort());
    expect(input.password).toBe("hunter2"); // a copy, the input is untouched
  });

  it.each([
    { name: "null", v: null },
    { name: "empty string", v: "" },
    { name: "true", v: true },
    { name: "false", v: false },
  ])("leaves $name under a secret key alone and reports nothing", ({ v }) => {
    expect(redact({ password: v })).toEqual({ value: { password: v }, paths: [] });
  });

  it("redacts a top-level string and arrays of strings", () => {
    expect(redact(FAKE.slack)).toEqual({ value: REDACTED, paths: ["$"] });
    expect(redact(["ok", FAKE.aws])).toEqual({ value: ["ok", REDACTED], paths: ["$[1]"] });
  });

  it("redacts everything below a plural secrets key", () => {
    expect(redact({ secrets: { db: "hunter2" } })).toEqual({ value: { secrets: REDACTED }, paths: ["$.secrets"] });
  });

  it("nothing to redact → equal value, no paths", () => {
    const v = { a: [1, "two", { b: null }] };
    expect(redact(v)).toEqual({ value: v, paths: [] });
  });
});

describe("restoreRedacted", () => {
  const original: JsonValue = {
    password: "hunter2",
    host: "db.internal",
    headers: { Authorization: "Bearer abcdefghijklmnop1234" },
    keys: [FAKE.aws, "public", FAKE.github],
    note: `use ${FAKE.slack} here`,
  };
  const shown = redact(original).value;

  it("untouched redacted leaves get their originals back", () => {
    expect(restoreRedacted(original, shown, shown)).toEqual(original);
  });

  it("a reviewer-changed value is kept, the rest restored", () => {
    const final = { ...(shown as object), password: "new-password", host: "db2.internal" } as JsonValue;
    expect(restoreRedacted(original, shown, final)).toEqual({ ...(original as object), password: "new-password", host: "db2.internal" });
  });

  it("edits inside a partly redacted string are kept literally (the secret is not spliced back)", () => {
    const final = { ...(shown as object), note: `use ${REDACTED} there` } as JsonValue;
    expect((restoreRedacted(original, shown, final) as { note: string }).note).toBe(`use ${REDACTED} there`);
  });

  it("arrays: positions still shown as redacted are restored, appended items kept", () => {
    const final = { ...(shown as object), keys: [REDACTED, "changed", REDACTED, REDACTED] } as JsonValue;
    expect((restoreRedacted(original, shown, final) as { keys: JsonValue[] }).keys).toEqual([FAKE.aws, "changed", FAKE.github, REDACTED]);
  });

  it("nested objects are restored", () => {
    const final = { headers: { Authorization: REDACTED, "X-Extra": "1" } };
    expect(restoreRedacted(original, shown, final)).toEqual({ headers: { Authorization: "Bearer abcdefghijklmnop1234", "X-Extra": "1" } });
  });

  it("a key added by the reviewer is kept, even if it says [REDACTED]", () => {
    const final = { ...(shown as object), added: REDACTED, extra: 1 } as JsonValue;
    const out = restoreRedacted(original, shown, final) as Record<string, JsonValue>;
    expect(out.added).toBe(REDACTED);
    expect(out.extra).toBe(1);
    expect(out.password).toBe("hunter2");
  });

  it("a literal [REDACTED] typed where nothing was redacted stays literal", () => {
    const final = { ...(shown as object), host: REDACTED } as JsonValue;
    expect((restoreRedacted(original, shown, final) as { host: string }).host).toBe(REDACTED);
  });

  it("a whole secret object redacted to a string comes back as the object", () => {
    const o = { credentials: { user: "u", password: "p" } };
    const s = redact(o).value;
    expect(s).toEqual({ credentials: REDACTED });
    expect(restoreRedacted(o, s, s)).toEqual(o);
  });

  it("a removed key stays removed", () => {
    expect(restoreRedacted(original, shown, { host: "db.internal" })).toEqual({ host: "db.internal" });
  });
});

describe("a key named __proto__ (valid JSON) is data, not a prototype", () => {
  const parsed = JSON.parse(`{"repo":"r","__proto__":{"force":true},"x":{"__proto__":{"password":"hunter2"}}}`) as JsonValue;

  it("redact keeps it as an own key and redacts below it", () => {
    const { value, paths } = redact(parsed);
    expect(Object.keys(value as object).sort()).toEqual(["__proto__", "repo", "x"]);
    expect(JSON.parse(JSON.stringify(value))).toEqual(JSON.parse(`{"repo":"r","__proto__":{"force":true},"x":{"__proto__":{"password":"${REDACTED}"}}}`));
    expect(paths).toEqual(["$.x.__proto__.password"]);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it("restoreRedacted keeps it and restores below it", () => {
    const shown = redact(parsed).value;
    const out = restoreRedacted(parsed, shown, shown);
    expect(JSON.stringify(out)).toBe(JSON.stringify(parsed));
  });
});
