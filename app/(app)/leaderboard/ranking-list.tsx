import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { Badge } from "@/app/_components/ui";
import { formatEvidence, formatMinutes, formatPercent } from "@/lib/format";
import { PRIVATE_DRAFTS } from "@/lib/vocabulary";
import type { AppRouter } from "@/server/routers/_app";

// The rows the leaderboard procedure returns, as the table twin shows them.
type Row = inferRouterOutputs<AppRouter>["leaderboard"]["get"]["rows"][number];

/**
 * The leaderboard table as a list of cards, for screens narrower than its ten columns (issue 12,
 * item 17: a 375 px phone scrolled the table sideways). Shown instead of the table below `sm`;
 * the same rows, in the same order, with the same words.
 */
export function RankingList({ label, rows, href }: { label: string; rows: Row[]; href: (key: string) => string | null }) {
  if (!rows.length) return <p className="py-6 text-center text-sm text-muted sm:hidden">No voicemails in this period yet.</p>;
  return (
    <ol aria-label={label} className="flex flex-col divide-y divide-border sm:hidden">
      {rows.map((r) => (
        <li key={r.key} aria-label={r.label} className="flex flex-col gap-2 py-3 text-sm">
          <div className="flex items-baseline justify-between gap-3">
            <span className="min-w-0 break-words">
              <EntryName row={r} href={href(r.key)} />
            </span>
            <span className="tabular shrink-0">
              {r.ranked ? `#${r.rank}` : r.key === PRIVATE_DRAFTS.key ? <Badge>not ranked</Badge> : <Badge tone="warn">needs more data</Badge>}
            </span>
          </div>
          <dl className="tabular grid grid-cols-2 gap-x-4 gap-y-1">
            <Fact term="Callback rate" value={formatEvidence(r)} wide />
            <Fact term="95% interval" value={`${(r.ciLow * 100).toFixed(1)}–${formatPercent(r.ciHigh)}`} />
            <Fact term="Voicemails" value={String(r.voicemails)} />
            <Fact term="Returned" value={String(r.returned)} />
            <Fact term="Appointments" value={`${r.appointments} (${formatPercent(r.appointmentRate, 0)})`} />
            <Fact term="Median to callback" value={formatMinutes(r.medianMinutesToCallback)} />
            <Fact term="80th pct" value={formatMinutes(r.p80MinutesToCallback)} />
          </dl>
        </li>
      ))}
    </ol>
  );
}

/** An entry's name, linked to its drill-down when it has one, with its key or what a folded row holds. */
export function EntryName({ row, href }: { row: { key: string; label: string }; href: string | null }) {
  return (
    <>
      {href ? (
        <Link href={href} className="font-medium text-accent hover:underline">
          <bdi>{row.label}</bdi>
        </Link>
      ) : (
        <bdi className="font-medium">{row.label}</bdi>
      )}
      {row.key === PRIVATE_DRAFTS.key ? (
        <span className="block text-xs text-faint">teammates&apos; unshared scripts, counted together</span>
      ) : (
        row.key !== row.label && <span className="block text-xs break-all text-faint">{row.key}</span>
      )}
    </>
  );
}

function Fact({ term, value, wide = false }: { term: string; value: string; wide?: boolean }) {
  return (
    <div className={`flex min-w-0 flex-col ${wide ? "col-span-2" : ""}`}>
      <dt className="text-xs text-faint">{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}
