import { redirect } from "next/navigation";
import { serverCaller } from "@/app/_trpc/server";
import { CreateTeamForm } from "./create-team-form";

export const metadata = { title: "Create team" };

export default async function CreateTeamPage() {
  const caller = await serverCaller();
  const me = await caller.me().catch(() => null);
  if (!me) redirect("/sign-in?next=/create-team");
  return <CreateTeamForm />;
}
