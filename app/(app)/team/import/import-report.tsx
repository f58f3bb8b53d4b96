"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { Badge } from "@/app/_components/ui";
import type { AppRouter } from "@/server/routers/_app";

type Report = inferRouterOutputs<AppRouter>["imports"]["run"];

export const n = (x: number) => x.toLocaleString("en-US");
export const plural = (x: number, word: string) => `${n(x)} ${word}${x === 1 ? "" : "s"}`;

/** The server does the work in one synchronous step, so the bar can only say that it is working. */
export function ImportProgress({ label }: { label: string }) {
  return (
    <div className="flex flex-col gap-1.5">
      <p className="text-sm text-muted">{label}</p>
      <progress aria-label={label} className="h-1.5 w-full overflow-hidden rounded-full accent-[var(--accent)]" />
    </div>
  );
}

/** Labelled counts in tiles; `className` sets the grid's columns. */
export function CountTiles({ items, className, label }: { items: readonly (readonly [string, number])[]; className: string; label?: string }) {
  return (
    <dl aria-label={label} className={`grid gap-3 ${className}`}>
      {items.map(([label, value]) => (
        <div key={label} className="rounded-md bg-surface-2 px-3 py-2">
          <dt className="text-xs text-muted">{label}</dt>
          <dd className="text-lg font-semibold tabular-nums">{n(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Counts({ report }: { report: Report }) {
  const items = [
    ["Rows", report.rows],
    [report.written ? "Added" : "New", report.inserted],
    ["Already there", report.duplicates],
    ["New prospects", report.prospectsCreated],
    ["New scripts", report.scriptsCreated],
  ] as const;
  return <CountTiles items={items} className="grid-cols-3 sm:grid-cols-5" />;
}

type Rejection = { rows: number; errorCount: number; errors: { line: number; reason: string }[] };

export function BadRows({ report, remedy = "fix the file and choose it again" }: { report: Rejection; remedy?: string }) {
  return (
    <div role="alert" className="rounded-md border border-bad/30 bg-bad/10 px-4 py-3 text-sm">
      <p className="font-medium text-bad">
        Rejected: {plural(report.errorCount, "bad row")}
        {report.rows ? ` in ${plural(report.rows, "row")}` : ""}. Nothing was imported — {remedy}.
      </p>
      <ul aria-label="Bad rows" className="mt-2 max-h-72 overflow-auto font-mono text-xs leading-relaxed text-text">
        {report.errors.map((e) => (
          <li key={`${e.line}:${e.reason}`}>
            Line {e.line}: {e.reason}
          </li>
        ))}
      </ul>
      {report.errorCount > report.errors.length && <p className="mt-2 text-xs text-muted">…and {plural(report.errorCount - report.errors.length, "more bad row")}.</p>}
    </div>
  );
}

/**
 * The file as read: its header, what each column feeds (`readAs`, one entry per column, null for
 * an ignored one; absent until the header was understood), the first rows.
 */
export function ColumnPreview({ header, rows, readAs }: { header: string[]; rows: { line: number; fields: string[] }[]; readAs: (string | null)[] | null }) {
  if (!header.length) return null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-xs">
        <caption className="mb-2 text-left text-xs font-medium text-faint">
          Column mapping{rows.length ? ` and the first ${plural(rows.length, "row")} as in the file` : ""}
        </caption>
        <thead className="text-left">
          <tr className="text-faint">
            <th scope="col" className="pr-3 pb-1.5 font-medium">
              Line
            </th>
            {header.map((h, i) => (
              <th key={i} scope="col" className="pr-3 pb-1.5 font-medium whitespace-nowrap text-text">
                {h}
              </th>
            ))}
          </tr>
          {readAs && (
            <tr className="border-b border-border">
              <th scope="row" className="pr-3 pb-2 font-medium whitespace-nowrap text-faint">
                Read as
              </th>
              {readAs.map((field, i) => (
                <td key={i} className="pr-3 pb-2 whitespace-nowrap">
                  {field ? <code className="font-mono text-accent">{field}</code> : <Badge tone="warn">ignored</Badge>}
                </td>
              ))}
            </tr>
          )}
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((r) => (
            <tr key={r.line}>
              <td className="py-1.5 pr-3 text-faint tabular-nums">{r.line}</td>
              {header.map((_, i) => (
                <td key={i} className="max-w-48 truncate py-1.5 pr-3" title={r.fields[i]}>
                  {r.fields[i]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What a check or an import found: the verdict (with the import button when ready), the counts, and how the file was read. */
export function ImportReport({ report, action }: { report: Report; action?: React.ReactNode }) {
  const ignored = report.ignoredColumns.length ? ` Ignored columns: ${report.ignoredColumns.join(", ")}.` : "";
  return (
    <div className="flex flex-col gap-5">
      {report.errorCount > 0 ? (
        <BadRows report={report} />
      ) : report.written ? (
        <p role="status" className="rounded-md border border-good/30 bg-good/10 px-4 py-3 text-sm font-medium text-good">
          Imported: {plural(report.inserted, "row")} added, {n(report.duplicates)} already there.{ignored}
        </p>
      ) : (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-border bg-surface-2 px-4 py-3">
          <div className="text-sm">
            <p role="status">
              {report.inserted === 0
                ? `Nothing new to import: ${report.duplicates === 1 ? "the row is" : `all ${plural(report.duplicates, "row")} are`} already there.`
                : `Ready to import: ${plural(report.inserted, "new row")}, ${n(report.duplicates)} already there.`}
              {ignored}
            </p>
            <p className="mt-0.5 text-xs text-muted">Nothing has been written yet.</p>
          </div>
          {action}
        </div>
      )}
      {report.errorCount === 0 && <Counts report={report} />}
      {!report.written && (
        <ColumnPreview
          header={report.preview.header}
          rows={report.preview.rows}
          // One mapping entry per header column, in order, once the header was understood.
          readAs={report.columns.length === report.preview.header.length ? report.columns.map((c) => c.field) : null}
        />
      )}
    </div>
  );
}
