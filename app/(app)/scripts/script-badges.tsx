import { Badge } from "@/app/_components/ui";

export function ScriptStatusBadges({ shared, archived, teamPick }: { shared: boolean; archived: boolean; teamPick: boolean }) {
  return (
    <>
      {teamPick && <Badge tone="good">Team pick</Badge>}
      {!shared && <Badge tone="accent">Draft</Badge>}
      {archived && <Badge>Archived</Badge>}
    </>
  );
}
