"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Modal } from "@/app/_components/modal";
import { Button, ErrorText } from "@/app/_components/ui";
import { useTRPC } from "@/app/_trpc/client";

export type RemovableMember = { memberId: string; name: string; email: string };

/** Confirms removing someone: they lose access now, and everything they logged stays under their name. */
export function RemoveMemberDialog({ member, onClose }: { member: RemovableMember; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.teams.removeMember.mutationOptions({
      onSuccess: async () => {
        // Member lists feed the team page, prospect owners and the leaderboard's rep filter.
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.teams.members.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.leaderboard.filters.queryKey() }),
        ]);
        onClose();
      },
    }),
  );
  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title={`Remove ${member.name} from the team?`} description={member.email}>
      <div className="flex flex-col gap-4 text-sm">
        <p>
          <bdi>{member.name}</bdi> loses access to this team right away. Their dials, callbacks and scripts stay, under their name, in
          the leaderboards and on every prospect&apos;s timeline. Adding them back later brings their numbers back with them.
        </p>
        <ErrorText>{remove.error?.message}</ErrorText>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="button" variant="danger" disabled={remove.isPending} onClick={() => remove.mutate({ memberId: member.memberId })}>
            Remove <bdi>{member.name}</bdi>
          </Button>
        </div>
      </div>
    </Modal>
  );
}
