"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { IntentLink } from "@/app/_components/intent-link";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/app/_trpc/client";
import { Button, ErrorText } from "@/app/_components/ui";
import type { ScriptPageData } from "./script-data";

const linkButton = "inline-flex h-9 items-center rounded-md border border-border bg-surface px-3.5 text-sm font-medium hover:bg-surface-2";

export function ScriptActions({ script }: { script: ScriptPageData }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.scripts.pathKey() });
  const share = useMutation(trpc.scripts.setShared.mutationOptions({ onSuccess: refresh }));
  const pick = useMutation(trpc.scripts.setTeamPick.mutationOptions({ onSuccess: refresh }));
  const archive = useMutation(trpc.scripts.setArchived.mutationOptions({ onSuccess: refresh }));
  const fork = useMutation(
    trpc.scripts.fork.mutationOptions({
      onSuccess: async (created) => {
        await refresh();
        router.push(`/scripts/${created.id}`);
      },
    }),
  );
  const remove = useMutation(
    trpc.scripts.deleteDraft.mutationOptions({
      onSuccess: async () => {
        await refresh();
        router.push(`/scripts?view=drafts&deleted=${script.id}`);
      },
    }),
  );
  const error = share.error ?? pick.error ?? archive.error ?? fork.error ?? remove.error;

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap justify-end gap-2">
        {script.permissions.edit && (
          <IntentLink href={`/scripts/${script.id}/edit`} className={linkButton}>
            Edit
          </IntentLink>
        )}
        {script.permissions.share && !script.shared && (
          <Button onClick={() => share.mutate({ id: script.id, shared: true })} disabled={share.isPending}>
            Share with the team
          </Button>
        )}
        <Button variant="secondary" onClick={() => fork.mutate({ versionId: script.latestVersion.id })} disabled={fork.isPending}>
          Fork
        </Button>
        {script.permissions.manage && script.shared && !script.archived && (
          <Button variant="secondary" aria-pressed={script.teamPick} onClick={() => pick.mutate({ id: script.id, teamPick: !script.teamPick })} disabled={pick.isPending}>
            {script.teamPick ? "Remove team pick" : "Mark as team pick"}
          </Button>
        )}
        {script.permissions.manage && (
          <Button variant="secondary" onClick={() => archive.mutate({ id: script.id, archived: !script.archived })} disabled={archive.isPending}>
            {script.archived ? "Unarchive" : "Archive"}
          </Button>
        )}
        {script.permissions.delete && (
          <Button
            variant="danger"
            onClick={() => window.confirm(`Delete the draft “${script.title}”?`) && remove.mutate({ id: script.id })}
            disabled={remove.isPending}
          >
            Delete draft
          </Button>
        )}
      </div>
      <ErrorText>{error?.message}</ErrorText>
    </div>
  );
}
