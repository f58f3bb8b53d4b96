"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { Badge, Card } from "@/app/_components/ui";

export function MemberList() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.teams.members.queryOptions());
  return (
    <Card title="Members" description={`${data.length} people`}>
      <table className="w-full text-sm">
        <caption className="sr-only">Team members</caption>
        <thead className="text-left text-xs text-faint">
          <tr>
            <th className="pb-2 font-medium">Name</th>
            <th className="pb-2 font-medium">Email</th>
            <th className="pb-2 font-medium">Role</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {data.map((m) => (
            <tr key={m.memberId}>
              <td className="py-2 font-medium">{m.name}</td>
              <td className="py-2 text-muted">{m.email}</td>
              <td className="py-2">
                <Badge tone={m.role === "rep" ? "neutral" : "accent"}>{m.role}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
