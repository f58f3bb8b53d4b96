import type { inferRouterOutputs } from "@trpc/server";
import { IntentLink } from "@/app/_components/intent-link";
import { FactCards } from "@/app/_components/fact-cards";
import { RankMark } from "@/app/_components/rank-cell";
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
  return (
    <FactCards
      label={label}
      empty="No voicemails in this period yet."
      cards={rows.map((r) => ({
        key: r.key,
        name: r.label,
        title: <EntryName row={r} href={href(r.key)} />,
        aside: <RankMark row={r} prefix="#" />,
        facts: [
          { term: "Callback rate", value: formatEvidence(r), wide: true },
          { term: "95% interval", value: `${(r.ciLow * 100).toFixed(1)}–${formatPercent(r.ciHigh)}` },
          { term: "Voicemails", value: String(r.voicemails) },
          { term: "Returned", value: String(r.returned) },
          { term: "Appointments", value: `${r.appointments} (${formatPercent(r.appointmentRate, 0)})` },
          { term: "Median to callback", value: formatMinutes(r.medianMinutesToCallback) },
          { term: "80th pct", value: formatMinutes(r.p80MinutesToCallback) },
        ],
      }))}
    />
  );
}

/** An entry's name, linked to its drill-down when it has one, with its key or what a folded row holds. */
export function EntryName({ row, href }: { row: { key: string; label: string }; href: string | null }) {
  return (
    <>
      {href ? (
        <IntentLink href={href} className="font-medium text-accent hover:underline">
          <bdi>{row.label}</bdi>
        </IntentLink>
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
