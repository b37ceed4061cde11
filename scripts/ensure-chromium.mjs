// Browser tests drive Debian's Chromium. Install it when missing and we can (root + apt); otherwise say how.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!existsSync(CHROMIUM)) {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  let apt = false;
  try {
    execFileSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" });
    apt = true;
  } catch {
    apt = false;
  }
  if (!root || !apt) {
    console.error(`Chromium not found at ${CHROMIUM}: install Debian's package with 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH) and run the tests again.`);
    process.exit(1);
  }
  console.log("Installing Debian's chromium for the browser tests…");
  execFileSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null"], { stdio: "inherit" });
}
