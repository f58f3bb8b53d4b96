"use client";

import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Badge, Card, Input } from "@/app/_components/ui";

export function ProspectSearch() {
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const { data = [], isPending } = useQuery(trpc.prospects.search.queryOptions({ query: deferred }));
  return (
    <Card>
      <label htmlFor="prospect-query" className="sr-only">
        Search prospects
      </label>
      <Input id="prospect-query" placeholder="Search by name, company or phone" value={query} onChange={(e) => setQuery(e.target.value)} />
      <table className="mt-4 w-full text-sm">
        <caption className="sr-only">Prospects</caption>
        <thead className="text-left text-xs text-faint">
          <tr>
            <th className="pb-2 font-medium">Name</th>
            <th className="pb-2 font-medium">Company</th>
            <th className="pb-2 font-medium">Phone</th>
            <th className="pb-2 font-medium">Status</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {data.map((p) => (
            <tr key={p.id}>
              <td className="py-2 font-medium">{p.name}</td>
              <td className="py-2 text-muted">{p.company ?? "—"}</td>
              <td className="tabular py-2 text-muted">{p.phone}</td>
              <td className="py-2">
                <Badge tone={p.status === "appointment" ? "good" : "neutral"}>{p.status}</Badge>
              </td>
            </tr>
          ))}
          {!isPending && data.length === 0 && (
            <tr>
              <td colSpan={4} className="py-6 text-center text-muted">
                No prospects match.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </Card>
  );
}
