import { redirect } from "next/navigation";
import { serverCaller } from "@/app/_trpc/server";
import { AppShell } from "./app-shell";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const caller = await serverCaller();
  const me = await caller.me().catch(() => null);
  if (!me) redirect("/sign-in");
  const teams = await caller.teams.mine();
  if (teams.length === 0) redirect("/create-team");
  const current = await caller.teams.current();
  return (
    <AppShell user={me} teams={teams} current={{ id: current.id, name: current.name, role: current.role }}>
      {children}
    </AppShell>
  );
}
