import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-countersign-signature";
/** A delivery older than this is refused by `verifyWebhookSignature`: replay protection. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, as Stripe and Slack do it. */
export function signWebhook(secret: string, unixSeconds: number, body: string): string {
  const mac = createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
  return `t=${unixSeconds},v1=${mac}`;
}

export function verifyWebhookSignature(secret: string, header: string, body: string, nowUnixSeconds: number): boolean {
  const parts = new Map(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const v1 = parts.get("v1");
  if (!Number.isInteger(t) || !v1 || Math.abs(nowUnixSeconds - t) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signWebhook(secret, t, body).split("v1=")[1] ?? "", "hex");
  const given = Buffer.from(v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Retry schedule: 1 s, 2 s, 4 s … capped at 5 min, 10 attempts in all (about 13 minutes). */
export const MAX_WEBHOOK_ATTEMPTS = 10;
export function nextRetryDelayMs(attemptsSoFar: number): number | null {
  if (attemptsSoFar + 1 >= MAX_WEBHOOK_ATTEMPTS) return null;
  return Math.min(300_000, 1000 * 2 ** attemptsSoFar);
}
