import { formatPercent } from "@/lib/format";

type Week = { voicemails: number; returned: number };

/**
 * A tiny weekly callback-rate line (oldest week left), weeks without voicemails left as gaps.
 * Its accessible name carries the numbers a sighted reader takes from the shape.
 */
export function TrendSparkline({ weeks, summary }: { weeks: Week[]; summary: string }) {
  const width = 96;
  const height = 24;
  const step = width / Math.max(1, weeks.length - 1);
  const points = weeks.map((w, i) => (w.voicemails ? { x: i * step, y: height - 2 - (w.returned / w.voicemails) * (height - 4) } : null));
  const segments: string[] = [];
  let current = "";
  for (const p of points) {
    if (!p) {
      if (current) segments.push(current);
      current = "";
      continue;
    }
    current += `${current ? "L" : "M"}${p.x.toFixed(1)},${p.y.toFixed(1)}`;
  }
  if (current) segments.push(current);
  return (
    <svg role="img" aria-label={summary} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="shrink-0 overflow-visible">
      <line x1={0} x2={width} y1={height - 2} y2={height - 2} stroke="var(--border)" />
      {segments.map((d, i) => (
        <path key={i} d={d} fill="none" stroke="var(--chart-1)" strokeWidth={1.5} strokeLinejoin="round" />
      ))}
      {/* A week with no neighbour draws no line: a dot keeps it visible. */}
      {points.map((p, i) => p && !points[i - 1] && !points[i + 1] && <circle key={i} cx={p.x} cy={p.y} r={1.5} fill="var(--chart-1)" />)}
    </svg>
  );
}

export function trendSummary(weeks: Week[]) {
  const rates = weeks.map((w) => (w.voicemails ? formatPercent(w.returned / w.voicemails, 0) : "none"));
  return `Weekly callback rate over the last ${weeks.length} weeks, oldest first: ${rates.join(", ")}`;
}
