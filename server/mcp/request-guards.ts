import type { IncomingMessage } from "node:http";
import type { Runtime } from "../runtime/runtime";

const LOOPBACK = ["localhost", "127.0.0.1", "[::1]"];
const WILDCARD = new Set(["0.0.0.0", "::", "[::]"]);

const hostnameOf = (hostHeader: string): string | null => {
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return null;
  }
};

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/**
 * DNS-rebinding protection: a page on evil.example that re-points its name
 * at 127.0.0.1 still sends `Host: evil.example`. Port-agnostic like the
 * SDK's hostHeaderValidation: loopback names, the public URL's host, the
 * trusted origins' hosts and the address the server was told to listen on.
 */
export function allowedHostnames(rt: Runtime): string[] {
  const names = new Set(LOOPBACK);
  for (const u of [rt.config.publicUrl, ...rt.trustedOrigins()]) {
    try {
      names.add(new URL(u).hostname);
    } catch {
      // An unparsable configured URL names no host.
    }
  }
  const listen = hostnameOf(rt.env.HOST.includes(":") && !rt.env.HOST.startsWith("[") ? `[${rt.env.HOST}]` : rt.env.HOST);
  if (listen && !WILDCARD.has(listen)) names.add(listen);
  return [...names];
}

export type Refusal = { status: number; message: string };

/** A present Origin must be ours (browsers always send it cross-site); the Host must name us. */
export function refuseForeignRequest(rt: Runtime, req: IncomingMessage): Refusal | null {
  const host = req.headers.host;
  const hostname = host ? hostnameOf(host) : null;
  if (!hostname) return { status: 403, message: host ? `Invalid Host header: ${host}` : "Missing Host header" };
  if (!allowedHostnames(rt).includes(hostname)) return { status: 403, message: `Invalid Host: ${hostname}` };
  const origin = req.headers.origin;
  if (origin !== undefined) {
    const trusted = rt.trustedOrigins().map(originOf);
    if (!trusted.includes(originOf(origin))) return { status: 403, message: `Origin not allowed: ${origin}` };
  }
  return null;
}
