import { IntentLink } from "@/app/_components/intent-link";
import { serverCaller } from "@/app/_trpc/server";
import { VerifyEmailNotice } from "@/app/_components/verify-email-notice";
import { AcceptInvite } from "./accept-invite";

export const metadata = { title: "Join a team" };

export default async function InvitePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await serverCaller();
  const invite = await caller.teams.describeInvite({ inviteId: id }).catch((e: Error) => ({ error: e.message }));
  if ("error" in invite) {
    return (
      <div className="flex flex-col gap-2">
        <h1 className="text-lg font-semibold">Invite not valid</h1>
        <p className="text-sm text-muted">{invite.error}</p>
      </div>
    );
  }
  const me = await caller.me().catch(() => null);
  const here = `/invite/${id}`;
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-lg font-semibold">Join {invite.teamName}</h1>
        <p className="mt-1 text-sm text-muted">
          You are invited as <strong className="text-text">{invite.role}</strong> ({invite.email}).
        </p>
      </div>
      {me ? (
        me.email === invite.email ? (
          me.emailVerified ? (
            <AcceptInvite inviteId={id} />
          ) : (
            <VerifyEmailNotice email={me.email} callbackURL={here} />
          )
        ) : (
          <p className="text-sm text-muted">
            You are signed in as {me.email}. Sign out and sign in as {invite.email} to accept.
          </p>
        )
      ) : (
        <div className="flex flex-col gap-2">
          <IntentLink
            className="inline-flex h-9 items-center justify-center rounded-md bg-accent px-3.5 text-sm font-medium text-accent-fg"
            href={`/sign-up?next=${encodeURIComponent(here)}&email=${encodeURIComponent(invite.email)}`}
          >
            Create an account to join
          </IntentLink>
          <IntentLink className="text-center text-sm text-accent hover:underline" href={`/sign-in?next=${encodeURIComponent(here)}&email=${encodeURIComponent(invite.email)}`}>
            I already have an account
          </IntentLink>
        </div>
      )}
    </div>
  );
}
