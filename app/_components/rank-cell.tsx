import { Badge } from "@/app/_components/ui";
import { PRIVATE_DRAFTS } from "@/lib/vocabulary";

type RankedRow = { key: string; ranked: boolean; rank: number | null };

/** A board row's rank, or why it has none: too small a sample, or teammates' drafts folded together. */
export function RankMark({ row, prefix = "" }: { row: RankedRow; prefix?: string }) {
  return row.ranked ? `${prefix}${row.rank}` : row.key === PRIVATE_DRAFTS.key ? <Badge>not ranked</Badge> : <Badge tone="warn">needs more data</Badge>;
}

export function RankCell({ row }: { row: RankedRow }) {
  return (
    <td className="tabular py-2 whitespace-nowrap">
      <RankMark row={row} />
    </td>
  );
}
