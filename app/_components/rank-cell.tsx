import { Badge } from "@/app/_components/ui";
import { PRIVATE_DRAFTS } from "@/lib/vocabulary";

/** A board row's rank, or why it has none: too small a sample, or teammates' drafts folded together. */
export function RankCell({ row }: { row: { key: string; ranked: boolean; rank: number | null } }) {
  return (
    <td className="tabular py-2 whitespace-nowrap">
      {row.ranked ? row.rank : row.key === PRIVATE_DRAFTS.key ? <Badge>not ranked</Badge> : <Badge tone="warn">needs more data</Badge>}
    </td>
  );
}
