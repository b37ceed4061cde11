// `npm start`: build the pages if there is no current build, then run the server.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(fileURLToPath(import.meta.url), "..", "..");
process.env.NEXT_TELEMETRY_DISABLED = "1";

/** Newest modification time under the folders and files the page build depends on. */
function newestSource() {
  let newest = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const e of readdirSync(p)) walk(join(p, e));
    else newest = Math.max(newest, s.mtimeMs);
  };
  for (const p of ["app", "components", "server", "public", "next.config.ts", "package-lock.json"]) walk(join(root, p));
  return newest;
}

const buildId = join(root, process.env.COUNTERSIGN_NEXT_DIST ?? ".next", "BUILD_ID");
const web = (process.env.COUNTERSIGN_WEB ?? "on") !== "off";
if (web && (!existsSync(buildId) || statSync(buildId).mtimeMs < newestSource())) {
  console.log("Building the dashboard (first start or sources changed)…");
  const r = spawnSync(process.execPath, [join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { cwd: root, stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const { register } = await import("tsx/esm/api");
register();
await import(pathToFileURL(join(root, "server", "main.ts")).href);
