import { z } from "zod";

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .default("file:./data/countersign.db")
    .refine((u) => !/^postgres(ql)?:/.test(u), { error: "PostgreSQL is not supported yet; use a file: URL" }),
  COUNTERSIGN_PUBLIC_URL: z.url().optional(),
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  /** "off" serves only the agent API, auth and metrics (no pages): tests and benchmarks. */
  COUNTERSIGN_WEB: z.enum(["on", "off"]).default("on"),
  COUNTERSIGN_DEFAULT_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
  COUNTERSIGN_EXECUTION_TOKEN_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
  COUNTERSIGN_AUTH_RATE_LIMIT: z.enum(["on", "off"]).default("on"),
});

export type Env = z.infer<typeof envSchema>;

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const r = envSchema.safeParse(source);
  if (!r.success) {
    const msg = r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`invalid configuration: ${msg}`);
  }
  return r.data;
}

export function publicUrlOf(env: Env): string {
  return env.COUNTERSIGN_PUBLIC_URL ?? `http://localhost:${env.PORT}`;
}
