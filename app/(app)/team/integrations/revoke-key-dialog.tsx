"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Modal } from "@/app/_components/modal";
import { Button, ErrorText } from "@/app/_components/ui";
import { useTRPC } from "@/app/_trpc/client";

export type RevocableKey = { id: number; name: string; prefix: string };

/** Confirms revoking a key: whatever uses it is refused from the next request on. */
export function RevokeKeyDialog({ apiKey, onClose }: { apiKey: RevocableKey; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
        onClose();
      },
    }),
  );
  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title={`Revoke the key ${apiKey.name}?`} description={`${apiKey.prefix}…`}>
      <div className="flex flex-col gap-4 text-sm">
        <p>Anything that uses this key is refused from its next request on. This cannot be undone; make a new key instead.</p>
        <ErrorText>{revoke.error?.message}</ErrorText>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="button" variant="danger" disabled={revoke.isPending} onClick={() => revoke.mutate({ id: apiKey.id })}>
            Revoke key
          </Button>
        </div>
      </div>
    </Modal>
  );
}
