"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Badge, Button, Card } from "@/app/_components/ui";
import { RemoveMemberDialog, type RemovableMember } from "./remove-member-dialog";

export function MemberList() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.teams.members.queryOptions());
  const [removing, setRemoving] = useState<RemovableMember | null>(null);
  const anyRemovable = data.some((m) => m.canRemove);
  return (
    <Card title="Members" description={`${data.length} ${data.length === 1 ? "person" : "people"}`}>
      <table className="w-full text-sm">
        <caption className="sr-only">Team members</caption>
        <thead className="text-left text-xs text-faint">
          <tr>
            <th className="pb-2 font-medium">Name</th>
            <th className="pb-2 font-medium">Email</th>
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
              <td className="py-2 font-medium">
                <bdi>{m.name}</bdi>
              </td>
              <td className="py-2 text-muted">{m.email}</td>
              <td className="py-2">
                <Badge tone={m.role === "rep" ? "neutral" : "accent"}>{m.role}</Badge>
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
