"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/app/_trpc/client";
import { Button, ErrorText } from "@/app/_components/ui";

export function AcceptInvite({ inviteId }: { inviteId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(
    trpc.teams.acceptInvite.mutationOptions({
      onSuccess: () => {
        router.replace("/today");
        router.refresh();
      },
    }),
  );
  return (
    <div className="flex flex-col gap-3">
      <ErrorText>{accept.error?.message}</ErrorText>
      <Button onClick={() => accept.mutate({ inviteId })} disabled={accept.isPending}>
        {accept.isPending ? "Joining…" : "Accept invite"}
      </Button>
    </div>
  );
}
