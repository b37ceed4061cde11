"use client";
import { useState } from "react";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Label, Select } from "@/components/ui/input";
import { ROLES, type Role } from "@/server/domain/auth/roles";
import type { UserView } from "@/server/services/users/list-users";
import { ConfirmButton } from "./confirm-button";
import { ErrorText } from "./error-text";
import { ROLE_LABELS } from "./labels";
import { Time } from "./time";
import { useAdminAction } from "./use-admin-action";

export function UserRow({ user, isSelf, isLastAdmin }: { user: UserView; isSelf: boolean; isLastAdmin: boolean }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const run = useAdminAction(trpc.users.list.queryKey());
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const inactive = user.disabledAt !== null;
  const locked = isSelf || isLastAdmin;
  const why = isSelf ? "You cannot change your own role or deactivate yourself." : isLastAdmin ? "The last active admin cannot be demoted or deactivated." : null;

  const changeRole = async (role: Role) => {
    setSaving(true);
    setError(null);
    try {
      await run(() => client.users.setRole.mutate({ userId: user.id, role }));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const roleId = `role-${user.id}`;
  return (
    <li className="flex flex-col gap-3 p-4 md:flex-row md:items-center md:justify-between">
      <div className="flex min-w-0 flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <span className="agent-text font-medium">{user.name}</span>
          {isSelf ? <Badge variant="outline">You</Badge> : null}
          {inactive ? <Badge variant="danger" className="dark:text-foreground">Deactivated</Badge> : <Badge variant="success">Active</Badge>}
        </div>
        <span className="agent-text text-sm text-muted-foreground">{user.email}</span>
        <span className="text-xs text-muted-foreground">
          added <Time iso={user.createdAt} />
          {inactive ? (
            <>
              {" "}
              · deactivated <Time iso={user.disabledAt} />
            </>
          ) : null}
        </span>
        {why ? <span className="text-xs text-muted-foreground">{why}</span> : null}
        <ErrorText error={error} />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Label htmlFor={roleId} className="sr-only">
          Role of {user.email}
        </Label>
        <Select id={roleId} value={user.role} disabled={saving || locked} onChange={(e) => void changeRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r].label}
            </option>
          ))}
        </Select>
        {inactive ? (
          <ConfirmButton
            label="Reactivate"
            ariaLabel={`Reactivate ${user.email}`}
            title="Reactivate this user?"
            description={<>They can sign in again, as {ROLE_LABELS[user.role].label.toLowerCase()}.</>}
            confirmLabel="Reactivate"
            onConfirm={() => run(() => client.users.reactivate.mutate({ userId: user.id }))}
          />
        ) : (
          <ConfirmButton
            label="Deactivate"
            ariaLabel={`Deactivate ${user.email}`}
            variant="destructive"
            disabled={locked}
            title="Deactivate this user?"
            description={
              <>
                <span className="agent-text font-medium text-foreground">{user.email}</span> is signed out everywhere at once and cannot sign in until reactivated. Their
                decisions stay in the audit log.
              </>
            }
            confirmLabel="Deactivate"
            onConfirm={() => run(() => client.users.deactivate.mutate({ userId: user.id }))}
          />
        )}
      </div>
    </li>
  );
}
