import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * A strict Content-Security-Policy with a fresh nonce per page request: no
 * inline script runs unless Next.js (or next-themes) put it there with the
 * nonce. Next reads the nonce from the request's own CSP header, so it is set
 * on the request as well as on the response. Styles allow inline attributes
 * (Radix and recharts position things with them); agent text is never put
 * into a style.
 */
export function applyPageSecurityHeaders(req: IncomingMessage, res: ServerResponse): void {
  const nonce = randomBytes(16).toString("base64");
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  req.headers["content-security-policy"] = csp;
  req.headers["x-nonce"] = nonce;
  res.setHeader("Content-Security-Policy", csp);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
}
