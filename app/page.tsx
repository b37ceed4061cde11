import { getRuntime } from "@/server/runtime/runtime";

export const dynamic = "force-dynamic";

/** Start page until the dashboard lands: shows the service is up and how agents reach it. */
export default async function Home() {
  const rt = getRuntime();
  const pending = await rt.store.listRequests({ status: "pending", limit: 101 });
  const count = pending.length > 100 ? "100+" : String(pending.length);
  return (
    <main style={{ maxWidth: 720, margin: "4rem auto", padding: "0 1rem", lineHeight: 1.5 }}>
      <h1>Countersign</h1>
      <p>Human approval for AI agents. The service is running.</p>
      <p>
        Pending requests: <strong data-testid="pending-count">{count}</strong>
      </p>
      <h2>Agent API</h2>
      <pre style={{ background: "#f4f4f5", padding: "1rem", overflowX: "auto" }}>
        {`curl -s -X POST ${rt.config.publicUrl}/api/trpc/agent.submit \\
  -H "authorization: Bearer $COUNTERSIGN_API_KEY" -H "content-type: application/json" \\
  -d '{"tool":"github.delete_repository","arguments":{"repo":"acme/old"},"summary":"Delete acme/old"}'`}
      </pre>
      <p>
        Create a key with <code>npx countersign agent create --name my-agent --mode write_destructive</code>.
      </p>
    </main>
  );
}
