"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Modal, SaveOrCancel } from "@/app/_components/modal";
import { ErrorText, Field, Input } from "@/app/_components/ui";
import { useCallsInvalidation } from "@/app/_components/use-calls-invalidation";
import { useTRPC } from "@/app/_trpc/client";
import { formatPhoneForDisplay } from "@/lib/format";

type Props = { prospect: { id: number; name: string; phone: string; company: string | null }; onClose: () => void };

/** Name, phone and company of a prospect; a number another prospect has is refused, never merged silently. */
export function EditProspectDialog({ prospect, onClose }: Props) {
  const trpc = useTRPC();
  const invalidate = useCallsInvalidation();
  const [name, setName] = useState(prospect.name);
  const [phone, setPhone] = useState(formatPhoneForDisplay(prospect.phone));
  const [company, setCompany] = useState(prospect.company ?? "");
  const update = useMutation(trpc.prospects.update.mutationOptions({ onSuccess: invalidate }));

  function save(e: React.FormEvent) {
    e.preventDefault();
    update.mutate({ id: prospect.id, name, phone, company: company.trim() || null }, { onSuccess: onClose });
  }

  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title={`Edit ${prospect.name}`}>
      <form onSubmit={save} className="flex flex-col gap-4">
        <Field id="edit-prospect-name" label="Name">
          <Input id="edit-prospect-name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} required />
        </Field>
        <Field id="edit-prospect-phone" label="Phone">
          <Input id="edit-prospect-phone" type="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} required />
        </Field>
        <Field id="edit-prospect-company" label="Company (optional)">
          <Input id="edit-prospect-company" autoComplete="off" value={company} onChange={(e) => setCompany(e.target.value)} />
        </Field>
        <ErrorText>{update.error?.message}</ErrorText>
        <SaveOrCancel saving={update.isPending} onCancel={onClose} />
      </form>
    </Modal>
  );
}
