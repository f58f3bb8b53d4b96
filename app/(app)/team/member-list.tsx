"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Badge, Button, Card, ErrorText } from "@/app/_components/ui";
import { RoleSelect, type RoleChange } from "./role-select";
import { RemoveMemberDialog, type RemovableMember } from "./remove-member-dialog";

export function MemberList() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.teams.members.queryOptions());
  const [removing, setRemoving] = useState<RemovableMember | null>(null);
  const anyRemovable = data.some((m) => m.canRemove);
  const queryClient = useQueryClient();
  const [changed, setChanged] = useState<RoleChange | null>(null);
  const [roleError, setRoleError] = useState<string | null>(null);
  const undo = useMutation(
    trpc.teams.changeRole.mutationOptions({
      onSuccess: () => {
        setChanged(null);
        void queryClient.invalidateQueries({ queryKey: trpc.teams.members.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.teams.roleChanges.queryKey() });
      },
      onError: (error) => setRoleError(error.message),
    }),
  );
  return (
    <Card title="Members" description={`${data.length} ${data.length === 1 ? "person" : "people"}`}>
      {changed && (
        <div role="status" className="mb-3 flex items-center justify-between gap-3 rounded-md bg-surface-2 px-3 py-2 text-sm">
          <span>
            {changed.name} is now {changed.role === "owner" ? "an owner" : `a ${changed.role}`}, from their next page or click.
          </span>
          <Button variant="secondary" className="h-8" disabled={undo.isPending} onClick={() => undo.mutate({ memberId: changed.memberId, role: changed.previousRole, undo: true })}>
            Undo
          </Button>
        </div>
      )}
      <ErrorText>{roleError}</ErrorText>
      <table className="w-full text-sm">
        <caption className="sr-only">Team members</caption>
        <thead className="text-left text-xs text-faint">
          <tr>
            <th className="pb-2 font-medium">Name</th>
            <th className="hidden pb-2 font-medium sm:table-cell">Email</th>
            <th className="pb-2 font-medium">Role</th>
            {anyRemovable && (
              <th className="pb-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {data.map((m) => (
            <tr key={m.memberId}>
              <td className="py-2 pr-2 font-medium">
                <bdi>{m.name}</bdi>
                {/* On a phone the address goes under the name, so the row fits 375 px. */}
                <span className="block text-xs font-normal break-all text-muted sm:hidden">{m.email}</span>
              </td>
              <td className="hidden py-2 text-muted sm:table-cell">{m.email}</td>
              <td className="py-2">
                {m.assignableRoles.length > 0 ? (
                  <RoleSelect
                    member={m}
                    onChanged={(c) => {
                      setRoleError(null);
                      setChanged(c);
                    }}
                    onError={setRoleError}
                  />
                ) : (
                  <Badge tone={m.role === "rep" ? "neutral" : "accent"}>{m.role}</Badge>
                )}
              </td>
              {anyRemovable && (
                <td className="py-2 text-right">
                  {m.canRemove && (
                    <Button variant="ghost" className="h-8 whitespace-nowrap" aria-label={`Remove ${m.name} from team`} onClick={() => setRemoving(m)}>
                      Remove
                    </Button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {removing && <RemoveMemberDialog member={removing} onClose={() => setRemoving(null)} />}
    </Card>
  );
}
