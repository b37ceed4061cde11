"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { PageHeader } from "./page-header";
import { ErrorText } from "./error-text";
import { CreateUserDialog } from "./create-user-dialog";
import { UserRow } from "./user-row";

export function UsersPanel({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.users.list.queryOptions());
  const admins = list.data?.filter((u) => u.role === "admin" && !u.disabledAt).length ?? 0;
  return (
    <>
      <PageHeader title="Users" description="People who sign in to the dashboard. Viewers see, reviewers decide, admins also manage agents, users and settings.">
        <CreateUserDialog />
      </PageHeader>
      {list.isPending ? (
        <p className="text-sm text-muted-foreground" role="status">
          Loading users…
        </p>
      ) : list.error ? (
        <ErrorText error={list.error} />
      ) : (
        <ul className="divide-y rounded-lg border bg-card" aria-label="Users">
          {list.data.map((u) => (
            <UserRow key={u.id} user={u} isSelf={u.id === currentUserId} isLastAdmin={u.role === "admin" && !u.disabledAt && admins <= 1} />
          ))}
        </ul>
      )}
    </>
  );
}
