import { formatEvidence, formatPercent, hourSpan } from "@/lib/format";
import { ChartFrame } from "./chart-frame";
import { SEQUENTIAL_BLUES, sequentialColour } from "./chart-palette";

export type HeatCell = { weekday: number; hour: number; voicemails: number; returned: number; rate: number | null; ciLow: number; ciHigh: number };

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
export const HEATMAP_HEIGHT = 300;
/** Business hours down the side (10 rows of 42 px), the weekdays across, and the legend. */
export const HEATMAP_PHONE_HEIGHT = 520;
const hourLabel = (h: number) => `${h % 12 === 0 ? 12 : h % 12}${h < 12 ? "a" : "p"}`;

/**
 * Callback rate by weekday (rows) and local hour (columns) as a table: each cell carries its rate
 * as text and as a shade of one colour-blind-safe sequential scale. Cells under the minimum sample
 * stay unshaded, so a lucky 1 of 2 never looks like the best hour.
 */
export function HourHeatmap({ title, testId, cells, minSample }: { title: string; testId: string; cells: HeatCell[]; minSample: number }) {
  const byKey = new Map(cells.map((c) => [`${c.weekday}:${c.hour}`, c]));
  const hours = cells.length ? range(Math.min(...cells.map((c) => c.hour)), Math.max(...cells.map((c) => c.hour))) : [];
  const weekdays = WEEKDAYS.map((_, i) => i).filter((d) => d < 5 || cells.some((c) => c.weekday === d));
  const shaded = cells.filter((c) => c.voicemails >= minSample && c.rate !== null);
  const max = Math.max(0, ...shaded.map((c) => c.rate!));
  const min = Math.min(max, ...shaded.map((c) => c.rate!));
  const cell = (d: number, h: number) => <HeatmapCell key={`${d}:${h}`} weekday={d} hour={h} cell={byKey.get(`${d}:${h}`)} minSample={minSample} min={min} max={max} />;
  const caption = `${title} — callback rate by weekday and hour, with returned/voicemails`;
  return (
    <ChartFrame title={title} testId={testId} height={HEATMAP_HEIGHT} phoneHeight={HEATMAP_PHONE_HEIGHT} state={cells.length ? "loaded" : "empty"} emptyText="No voicemails in this period.">
      <div className="flex h-full flex-col gap-2">
        <div className="min-h-0 flex-1 overflow-auto">
          {/* Hours across on a wide screen; on a phone, hours down and weekdays across, so it fits. */}
          <table className="hidden w-full border-separate border-spacing-0.5 text-[11px] sm:table">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col" className="w-10">
                  <span className="sr-only">Weekday</span>
                </th>
                {hours.map((h) => (
                  <th key={h} scope="col" className="font-medium text-faint">
                    {hourLabel(h)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weekdays.map((d) => (
                <tr key={d}>
                  <th scope="row" className="pr-1 text-left font-medium text-muted">
                    {WEEKDAYS[d]}
                  </th>
                  {hours.map((h) => cell(d, h))}
                </tr>
              ))}
            </tbody>
          </table>
          <table className="w-full border-separate border-spacing-0.5 text-[11px] sm:hidden">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col" className="w-9">
                  <span className="sr-only">Hour</span>
                </th>
                {weekdays.map((d) => (
                  <th key={d} scope="col" className="font-medium text-faint">
                    {WEEKDAYS[d]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {hours.map((h) => (
                <tr key={h}>
                  <th scope="row" className="pr-1 text-left font-medium text-muted">
                    {hourLabel(h)}
                  </th>
                  {weekdays.map((d) => cell(d, h))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-muted" aria-hidden>
          {shaded.length > 0 && (
            <span className="flex items-center gap-1.5">
              <span className="tabular">{formatPercent(min, 0)}</span>
              {SEQUENTIAL_BLUES.map((c) => (
                <span key={c} className="h-3 w-5 rounded-sm" style={{ background: c }} />
              ))}
              <span className="tabular">{formatPercent(max, 0)}</span>
              <span>callback rate</span>
            </span>
          )}
          <span className="flex items-center gap-1.5">
            <span className="inline-block h-3 w-5 rounded-sm border border-dashed border-border" />
            under {minSample} voicemails
          </span>
        </div>
      </div>
    </ChartFrame>
  );
}

function HeatmapCell({ weekday, hour, cell, minSample, min, max }: { weekday: number; hour: number; cell: HeatCell | undefined; minSample: number; min: number; max: number }) {
  const label = `${WEEKDAYS[weekday]} ${hourSpan(hour)}: ${cell ? formatEvidence(cell) : "no voicemails"}`;
  if (!cell) return <td aria-label={label} title={label} className="h-10 min-w-10 rounded bg-surface-2" />;
  const enough = cell.voicemails >= minSample;
  const colour = sequentialColour(cell.rate ?? 0, min, max);
  return (
    <td
      aria-label={label}
      title={label}
      className={`tabular h-10 min-w-10 rounded text-center leading-tight ${enough ? "" : "border border-dashed border-border text-faint"}`}
      style={enough ? { background: colour.background, color: colour.lightText ? "#ffffff" : "#0b1a33" } : undefined}
    >
      <span className="block font-medium">{formatPercent(cell.rate, 0)}</span>
      <span className="block opacity-80">
        {cell.returned}/{cell.voicemails}
      </span>
    </td>
  );
}

function range(from: number, to: number) {
  const values: number[] = [];
  for (let i = from; i <= to; i++) values.push(i);
  return values;
}
