"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { Select } from "@/app/_components/ui";
import type { Role } from "@/lib/vocabulary";

export type RoleChange = { memberId: string; name: string; role: Role; previousRole: Role };

type Props = { member: { memberId: string; name: string; role: Role; assignableRoles: readonly Role[] }; onChanged: (change: RoleChange) => void; onError: (message: string) => void };

/** A member's role, changeable by whoever changeRole allows; the member's next request already has it. */
export function RoleSelect({ member, onChanged, onError }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const change = useMutation(
    trpc.teams.changeRole.mutationOptions({
      onSuccess: (result) => {
        void queryClient.invalidateQueries({ queryKey: trpc.teams.members.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.teams.roleChanges.queryKey() });
        onChanged({ memberId: result.id, name: result.name, role: result.role, previousRole: result.previousRole });
      },
      onError: (error) => onError(error.message),
    }),
  );
  const roles = member.assignableRoles.includes(member.role) ? member.assignableRoles : [member.role, ...member.assignableRoles];
  return (
    <Select
      aria-label={`Role of ${member.name}`}
      className="h-8 w-auto min-w-32 py-0 text-sm"
      value={member.role}
      disabled={change.isPending}
      onChange={(e) => change.mutate({ memberId: member.memberId, role: e.target.value as Role })}
    >
      {roles.map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </Select>
  );
}
