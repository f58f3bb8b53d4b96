import { formatPercent } from "@/lib/format";
import { ChartFrame } from "./chart-frame";
import { SERIES_COLOURS } from "./chart-palette";

export type Funnel = { voicemails: number; returned: number; appointments: number };

export const FUNNEL_HEIGHT = 150;

/** Voicemail → callback → appointment as bars proportional to the voicemails, with counts and shares. */
export function FunnelChart({ title, testId, funnel }: { title: string; testId: string; funnel: Funnel }) {
  const steps = [
    { label: "Voicemails", count: funnel.voicemails, of: null, colour: SERIES_COLOURS[4] },
    { label: "Called back", count: funnel.returned, of: funnel.voicemails, colour: SERIES_COLOURS[0] },
    { label: "Appointments", count: funnel.appointments, of: funnel.voicemails, colour: SERIES_COLOURS[5] },
  ];
  return (
    <ChartFrame title={title} testId={testId} height={FUNNEL_HEIGHT} state={funnel.voicemails ? "loaded" : "empty"} emptyText="No voicemails in this period.">
      <table className="w-full text-sm">
        <caption className="sr-only">{title} — table</caption>
        <thead className="sr-only">
          <tr>
            <th>Step</th>
            <th>Count</th>
            <th>Share of voicemails</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr key={s.label}>
              <th scope="row" className="w-28 py-2 pr-3 text-left font-medium whitespace-nowrap">
                {s.label}
              </th>
              <td className="py-2">
                <div className="h-6 w-full rounded bg-surface-2">
                  <div
                    className="h-6 rounded"
                    style={{ width: `${funnel.voicemails ? Math.max(0.5, (s.count / funnel.voicemails) * 100) : 0}%`, background: s.colour }}
                  />
                </div>
              </td>
              <td className="tabular w-40 py-2 pl-3 text-right whitespace-nowrap">
                {s.count.toLocaleString("en-US")}
                {s.of !== null && <span className="text-muted"> · {formatPercent(s.of ? s.count / s.of : null)}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartFrame>
  );
}
