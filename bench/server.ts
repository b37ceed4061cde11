import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { startServer, type RunningServer } from "../tests/fixtures/server";
import { tempDatabaseUrl } from "../tests/fixtures/test-db";
import { createTestRuntime, makeAgent, makeUser } from "../tests/fixtures/runtime";
import type { HttpPool } from "./http-pool";

export type BenchServer = {
  server: RunningServer;
  databaseUrl: string;
  /** API keys of the benchmark's agents (one per submit loop; waiters share them round-robin). */
  keys: string[];
  reviewer: { email: string; password: string };
};

/**
 * A fresh SQLite file with `agents` agents and one reviewer, written before
 * the server starts (the setup runtime is closed first), then the real server
 * process on a free loopback port.
 */
export async function startBenchServer(agents: number): Promise<BenchServer> {
  const databaseUrl = tempDatabaseUrl("bench");
  const setup = createTestRuntime({ databaseUrl });
  const keys: string[] = [];
  let reviewer: { email: string; password: string };
  try {
    for (let i = 0; i < agents; i++) keys.push((await makeAgent(setup, "write_destructive", `bench-agent-${i}`)).apiKey);
    const u = await makeUser(setup, "reviewer", "bench-reviewer@example.com");
    reviewer = { email: u.email, password: u.password };
  } finally {
    setup.close();
  }
  // A fixed port rather than PORT=0: the server derives its trusted origins
  // (better-auth's and review.decide's CSRF check) from env.PORT, so with
  // PORT=0 a request with Origin http://127.0.0.1:<real port> is refused (403).
  const port = await freeLoopbackPort();
  const server = await startServer({ databaseUrl, env: { PORT: String(port) } });
  return { server, databaseUrl, keys, reviewer };
}

/** A port the kernel just handed out on 127.0.0.1 (closed again at once). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      s.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

/** Signs in through better-auth's own route (over the pool) and returns the session cookie. */
export async function signInOverPool(pool: HttpPool, baseUrl: string, email: string, password: string): Promise<string> {
  const res = await pool.request({
    method: "POST",
    path: "/api/auth/sign-in/email",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.body}`);
  const setCookie = res.headers["set-cookie"] ?? [];
  const cookie = setCookie.map((c) => c.split(";")[0]).join("; ");
  if (!cookie) throw new Error("sign-in returned no session cookie");
  return cookie;
}

/** Samples the server's resident set size from /proc (Linux only) until stopped. */
export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  peakRssKiB = 0;
  samples = 0;

  constructor(private readonly pid: number) {}

  private read(field: "VmRSS" | "VmHWM"): number | null {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, "utf8");
      const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
      return m?.[1] ? Number(m[1]) : null;
    } catch {
      return null;
    }
  }

  start(everyMs = 100): void {
    const sample = () => {
      const kib = this.read("VmRSS");
      if (kib !== null) {
        this.samples++;
        if (kib > this.peakRssKiB) this.peakRssKiB = kib;
      }
    };
    sample();
    this.timer = setInterval(sample, everyMs);
    this.timer.unref();
  }

  /** Stops sampling; returns the sampled peak and the kernel's high-water mark (VmHWM), in KiB. */
  stop(): { peakRssKiB: number; hwmKiB: number | null; samples: number } {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const hwm = this.read("VmHWM");
    const now = this.read("VmRSS");
    if (now !== null && now > this.peakRssKiB) this.peakRssKiB = now;
    return { peakRssKiB: this.peakRssKiB, hwmKiB: hwm, samples: this.samples };
  }
}
