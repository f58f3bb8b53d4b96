import { IntentLink } from "@/app/_components/intent-link";
import { Card, PageHeader } from "@/app/_components/ui";

/** The way back from a Team subpage (Import and export, Integrations). */
export function BackToTeam() {
  return (
    <IntentLink href="/team" className="rounded-md border border-border bg-surface px-3 py-2 text-sm font-medium hover:bg-surface-2">
      Back to team
    </IntentLink>
  );
}

/** What a rep sees on a managers' Team subpage. */
export function ManagersOnly({ title, message }: { title: string; message: string }) {
  return (
    <>
      <PageHeader title={title} actions={<BackToTeam />} />
      <Card>
        <p className="text-sm text-muted">{message}</p>
      </Card>
    </>
  );
}
