"use client";
import { Fragment, type ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "./page-header";
import { ErrorText } from "./error-text";

function Row({ label, env, children }: { label: string; env?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 py-2 sm:flex-row sm:items-baseline sm:gap-4">
      <dt className="flex flex-col text-sm text-muted-foreground sm:w-48 sm:shrink-0">
        {label}
        {env ? <code className="hidden font-mono text-[11px] sm:block">{breakable(env)}</code> : null}
      </dt>
      <dd className="agent-text min-w-0 text-sm">{children}</dd>
    </div>
  );
}

/** Long variable names wrap at their underscores, not mid-word. */
const breakable = (name: string) =>
  name.split("_").map((part, i) => (
    <Fragment key={i}>
      {i > 0 ? (
        <>
          _<wbr />
        </>
      ) : null}
      {part}
    </Fragment>
  ));

const duration = (s: number) => (s % 3600 === 0 ? `${s / 3600} h` : s % 60 === 0 ? `${s / 60} min` : `${s} s`);

/** Read-only: configuration comes from the environment (see the README), not from this page. */
export function SettingsPanel() {
  const trpc = useTRPC();
  const q = useQuery(trpc.settings.get.queryOptions());
  return (
    <>
      <PageHeader title="Settings" description="What this installation runs with. Set through environment variables (see the README's Configuration section) and read at start-up." />
      {q.isPending ? (
        <p className="text-sm text-muted-foreground" role="status">
          Loading settings…
        </p>
      ) : q.error ? (
        <ErrorText error={q.error} />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>Server</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="divide-y">
                <Row label="Version">Countersign {q.data.version} on Node {q.data.node}</Row>
                <Row label="Public URL" env="COUNTERSIGN_PUBLIC_URL">
                  <code className="font-mono">{q.data.publicUrl}</code>
                </Row>
                <Row label="Listening on" env="HOST">
                  <code className="font-mono">{q.data.host}</code>
                </Row>
                <Row label="Database" env="DATABASE_URL">
                  SQLite, <code className="font-mono">{q.data.database.path}</code>
                </Row>
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Requests</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="divide-y">
                <Row label="Default timeout" env="COUNTERSIGN_DEFAULT_TIMEOUT_SECONDS">
                  {duration(q.data.defaultTimeoutSeconds)} — an undecided request is then denied
                </Row>
                <Row label="Execution token lifetime" env="COUNTERSIGN_EXECUTION_TOKEN_TTL_SECONDS">
                  {duration(q.data.executionTokenTtlSeconds)} to claim an approval
                </Row>
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Sign-in</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="divide-y">
                <Row label="Rate limit" env="COUNTERSIGN_AUTH_RATE_LIMIT">
                  {q.data.authRateLimit ? "On — at most 10 sign-in attempts per 10 s" : <Badge variant="danger" className="dark:text-foreground">Off</Badge>}
                </Row>
                <Row label="Session secret" env="BETTER_AUTH_SECRET">
                  {q.data.authSecret === "environment" ? "Set in the environment" : "Generated on first start, kept next to the database"}
                </Row>
                <Row label="Dashboard" env="COUNTERSIGN_WEB">
                  {q.data.web ? "On" : "Off (agent API only)"}
                </Row>
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle className="flex items-center gap-2">
                Slack <Badge variant="secondary">Not configured</Badge>
              </CardTitle>
              <CardDescription>
                Approving from Slack is not available in this version, so reviewers decide in this dashboard. The README&apos;s Configuration section lists everything
                that can be configured today; Slack&apos;s variables will be added there when the Slack app ships.
              </CardDescription>
            </CardHeader>
          </Card>
        </div>
      )}
    </>
  );
}
