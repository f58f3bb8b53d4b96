import { notFound } from "next/navigation";
import { BrandMark } from "@/app/_components/brand-mark";
import { getDb } from "@/db/client";
import { leaderboardFromSearchParams } from "@/lib/inputs/leaderboard";
import { displayActor, displayLinkByToken } from "@/server/services/display-links";
import { leaderboard } from "@/server/services/stats";
import { FloorLive } from "./floor-live";

// The sales floor (issue 14): the script leaderboard full-screen for a wall display, opened with
// a read-only display link instead of a session, readable across a room, without controls.
export const dynamic = "force-dynamic";
export const metadata = { title: "Sales floor", referrer: "no-referrer" };

const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);

export default async function SalesFloor({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = await getDb();
  const link = await displayLinkByToken(db, token);
  if (link.state === "unknown") notFound();
  if (link.state === "revoked") {
    return (
      <main className="flex min-h-dvh flex-col items-center justify-center gap-4 px-6 text-center">
        <BrandMark size="lg" />
        <h1 className="text-3xl font-semibold tracking-tight md:text-5xl">This display link was revoked</h1>
        <p className="max-w-xl text-lg text-muted">A manager of the team turned it off. Ask them for a new display link.</p>
      </main>
    );
  }
  const board = await leaderboard(db, displayActor(link), leaderboardFromSearchParams(new URLSearchParams("by=script")));
  const rows = board.rows.filter((r) => r.voicemails > 0);
  const best = Math.max(0.01, ...rows.map((r) => r.rate ?? 0));
  const question = "Which scripts get called back?";
  return (
    <main className="flex min-h-dvh flex-col gap-6 px-4 py-6 md:gap-10 md:px-12 md:py-10">
      <FloorLive token={token} />
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-3xl font-semibold tracking-tight md:text-6xl">{question}</h1>
        <p className="text-lg text-muted md:text-3xl">
          {link.teamName} · <span className="text-accent">● Live</span>
        </p>
      </header>
      <figure aria-label={`${question} Callback rate per script, ${link.teamName}`} className="flex flex-col gap-3 md:gap-5">
        {rows.length === 0 ? <p className="text-2xl text-muted md:text-4xl">No voicemails yet this period.</p> : null}
        <ol aria-hidden className="flex flex-col gap-3 md:gap-5">
          {rows.map((r) => (
            <li key={r.key} className="grid grid-cols-[3ch_1fr_auto] items-center gap-3 md:gap-6">
              <span className="tabular text-2xl font-semibold text-muted md:text-5xl">{r.rank ?? "–"}</span>
              <span className="flex min-w-0 flex-col gap-1">
                <span className="truncate text-2xl font-semibold md:text-5xl">{r.label}</span>
                <span className="h-3 rounded-full bg-accent md:h-5" style={{ width: `${Math.max(2, ((r.rate ?? 0) / best) * 100)}%` }} />
              </span>
              <span className="tabular text-right text-2xl font-semibold md:text-5xl">
                {percent(r.rate)}
                <span className="block text-base font-normal text-muted md:text-2xl">
                  {r.returned}/{r.voicemails}
                  {r.ranked ? "" : " · unranked"}
                </span>
              </span>
            </li>
          ))}
        </ol>
        <figcaption className="text-base text-muted md:text-2xl">
          Callbacks credited per voicemail left, {board.period.range === "all" ? "all time" : "this period"}; unranked entries need {board.minSample} voicemails.
        </figcaption>
      </figure>
      <table aria-label="Sales floor leaderboard table" className="sr-only">
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Script</th>
            <th scope="col">Callback rate</th>
            <th scope="col">Called back / voicemails</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{r.rank ?? "needs more data"}</td>
              <td>{r.label}</td>
              <td>{percent(r.rate)}</td>
              <td>
                {r.returned}/{r.voicemails}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
