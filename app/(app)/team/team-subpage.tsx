import Link from "next/link";
import { Card, PageHeader } from "@/app/_components/ui";

// What the manager-only pages under Team (import and export, integrations) share.

export const BackToTeam = () => (
  <Link href="/team" className="rounded-md border border-border bg-surface px-3 py-2 text-sm font-medium hover:bg-surface-2">
    Back to team
  </Link>
);

/** The page a rep gets instead: what only managers and owners can do there. */
export function ManagersOnly({ title, what }: { title: string; what: string }) {
  return (
    <>
      <PageHeader title={title} actions={<BackToTeam />} />
      <Card>
        <p className="text-sm text-muted">Only managers and owners can {what}.</p>
      </Card>
    </>
  );
}
