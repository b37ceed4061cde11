"use client";
import { useState, type FormEvent } from "react";
import { UserPlus } from "lucide-react";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Input, Label, Select } from "@/components/ui/input";
import { ROLES, type Role } from "@/server/domain/auth/roles";
import { field } from "@/lib/form";
import { ErrorText } from "./error-text";
import { ROLE_LABELS } from "./labels";
import { useAdminAction } from "./use-admin-action";

const MIN_PASSWORD = 8;

export function CreateUserDialog() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const run = useAdminAction(trpc.users.list.queryKey());
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await run(() =>
        client.users.create.mutate({ email: field(f, "email").trim(), name: field(f, "name").trim() || undefined, role: field(f, "role") as Role, password: field(f, "password") }),
      );
      setOpen(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), setError(null))}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden /> Add user
        </Button>
      </DialogTrigger>
      <DialogContent title="Add a user" description="Give them the initial password through a channel you trust; they sign in with their email.">
        <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4" autoComplete="off">
          <div className="flex flex-col gap-2">
            <Label htmlFor="user-email">Email</Label>
            <Input id="user-email" name="email" type="email" required maxLength={254} autoComplete="off" />
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="user-name">Name (optional)</Label>
            <Input id="user-name" name="name" maxLength={100} autoComplete="off" />
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="user-role">Role</Label>
            <Select id="user-role" name="role" defaultValue="reviewer">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r].label} — {ROLE_LABELS[r].hint}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="user-password">Initial password (at least {MIN_PASSWORD} characters)</Label>
            <Input id="user-password" name="password" type="password" required minLength={MIN_PASSWORD} maxLength={128} autoComplete="new-password" />
          </div>
          <ErrorText error={error} />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" disabled={busy}>
              Add user
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
