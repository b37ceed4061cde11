// `npm run demo`: Countersign on a throwaway database (./data/demo.db, reset
// every run) with a demo admin and simulated agents sending realistic requests.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ensureBuild } from "./ensure-build.mjs";

const root = join(fileURLToPath(import.meta.url), "..", "..");
const db = join(root, "data", "demo.db");
for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true });

// Always the demo database: a DATABASE_URL in the environment must never be reset by a demo.
process.env.DATABASE_URL = `file:${db}`;
process.env.NEXT_TELEMETRY_DISABLED = "1";
if ((process.env.COUNTERSIGN_WEB ?? "on") !== "off") ensureBuild();

const { register } = await import("tsx/esm/api");
register();
await import(pathToFileURL(join(root, "scripts", "demo", "run.ts")).href);
