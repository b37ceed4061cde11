// `npm start`: build the pages if there is no current build, then run the server.
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ensureBuild } from "./ensure-build.mjs";

const root = join(fileURLToPath(import.meta.url), "..", "..");
process.env.NEXT_TELEMETRY_DISABLED = "1";
if ((process.env.COUNTERSIGN_WEB ?? "on") !== "off") ensureBuild();

const { register } = await import("tsx/esm/api");
register();
await import(pathToFileURL(join(root, "server", "main.ts")).href);
