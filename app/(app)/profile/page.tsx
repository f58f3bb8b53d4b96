import { serverCaller } from "@/app/_trpc/server";
import { PageHeader } from "@/app/_components/ui";
import { ProfileForm } from "./profile-form";

export const metadata = { title: "Profile" };

export default async function ProfilePage() {
  const caller = await serverCaller();
  const [profile, team] = await Promise.all([caller.profile.get(), caller.teams.current()]);
  return (
    <>
      <PageHeader title="Your profile" description={`${profile.email} · what your scripts read out in ${team.name}`} />
      <ProfileForm initial={profile} />
    </>
  );
}
