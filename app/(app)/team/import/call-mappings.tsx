"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { Badge, Field, Select } from "@/app/_components/ui";
import { CALL_FIELD_LABELS, CALL_SOURCE_IDS, CALL_SOURCE_LABELS, OUTCOME_MAPPINGS, type CallField, type CallSourceId, type OutcomeMapping } from "@/lib/inputs/imports";
import type { CallImportFlow, CallReport } from "./call-import";
import { ColumnPreview, n } from "./import-report";

// The choices a manager makes on a call export's dry run: the source, the outcome of each value,
// the member behind each rep identifier and the column behind each role. Each starts at what the
// server read (the source's tables and the team's remembered choices) and changes the page only.

type Props = { report: CallReport; flow: CallImportFlow };

const OUTCOME_WORDS: Record<OutcomeMapping, string> = {
  voicemail: "voicemail",
  "no-message": "no-message",
  connected: "connected",
  "bad-number": "bad-number",
  skip: "skip (not a dial)",
};

const VIA_WORDS = { map: "chosen", remembered: "remembered", email: "by e-mail", name: "by name", phone: "by own number", rep: "default rep" } as const;

export function SourceChoice({ report, flow, csv }: Props & { csv: string }) {
  const detected = report.detected ? `Recognised from the header: ${CALL_SOURCE_LABELS[report.detected]}` : "Not recognised from the header";
  return (
    <div className="max-w-sm">
      <Field id="call-source" label="Source" hint={report.detected && flow.choices.source === "auto" ? "Recognised from the header row; choose another if it is wrong." : undefined}>
        <Select id="call-source" value={flow.choices.source} disabled={flow.check.isPending} onChange={(e) => flow.setSource(csv, e.target.value as CallSourceId | "auto")}>
          <option value="auto">{detected}</option>
          {CALL_SOURCE_IDS.map((id) => (
            <option key={id} value={id}>
              {CALL_SOURCE_LABELS[id]}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

const th = "pb-1.5 pr-3 text-left text-xs font-medium text-faint";

/** Values of the file, their rows, and what each is taken for (a picker per row). */
function ChoiceTable({ caption, choice, children }: { caption: string; choice: string; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="mb-2 text-left text-xs font-medium text-faint">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={th}>
              In the file
            </th>
            <th scope="col" className={`${th} text-right`}>
              Rows
            </th>
            <th scope="col" className={th}>
              {choice}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">{children}</tbody>
      </table>
    </div>
  );
}

export function OutcomeChoices({ report, flow }: Props) {
  if (!report.outcomeValues.length) return null;
  return (
    <ChoiceTable caption="Outcome values" choice="Reads as">
        {report.outcomeValues.map((v) => {
          const chosen = (flow.choices.outcomes[v.value] as OutcomeMapping | undefined) ?? v.outcome ?? "";
          return (
            <tr key={`${v.value}:${v.outcome}`}>
              <td className="max-w-32 py-1.5 pr-3 sm:max-w-48">
                <span className="block truncate font-mono text-xs" title={v.value}>
                  {v.value || "(empty)"}
                </span>
                {v.outcome === null && <Badge tone="warn">unknown</Badge>}
              </td>
              <td className="py-1.5 pr-3 text-right tabular-nums">{n(v.rows)}</td>
              <td className="py-1.5">
                <Select
                  className="min-w-28"
                  aria-label={`Outcome for ${v.value || "(empty)"}`}
                  value={chosen}
                  onChange={(e) => flow.choose((c) => ({ ...c, outcomes: { ...c.outcomes, [v.value]: e.target.value as OutcomeMapping } }))}
                >
                  {chosen === "" && <option value="">Choose an outcome…</option>}
                  {OUTCOME_MAPPINGS.map((o) => (
                    <option key={o} value={o}>
                      {OUTCOME_WORDS[o]}
                    </option>
                  ))}
                </Select>
              </td>
            </tr>
          );
        })}
    </ChoiceTable>
  );
}

export function RepChoices({ report, flow }: Props) {
  const trpc = useTRPC();
  const { data: members } = useSuspenseQuery(trpc.teams.members.queryOptions());
  if (!report.repIdentifiers.length) return null;
  return (
    <ChoiceTable caption="Reps" choice="Member">
        {report.repIdentifiers.map((r) => {
          const picked = flow.choices.reps[r.identifier] as string | undefined;
          const email = picked ?? r.email ?? "";
          return (
            <tr key={r.identifier}>
              <td className="max-w-32 py-1.5 pr-3 sm:max-w-48">
                <span className="block truncate" title={r.identifier}>
                  {r.identifier}
                </span>
                {picked && picked !== r.email ? <Badge tone="accent">chosen</Badge> : r.via ? <Badge tone={r.via === "remembered" ? "accent" : "neutral"}>{VIA_WORDS[r.via]}</Badge> : <Badge tone="warn">unresolved</Badge>}
              </td>
              <td className="py-1.5 pr-3 text-right tabular-nums">{n(r.rows)}</td>
              <td className="py-1.5">
                <Select className="min-w-28" aria-label={`Member for ${r.identifier}`} value={email} onChange={(e) => flow.choose((c) => ({ ...c, reps: { ...c.reps, [r.identifier]: e.target.value } }))}>
                  {email === "" && <option value="">Choose a member…</option>}
                  {members.map((m) => (
                    <option key={m.userId} value={m.email.toLowerCase()}>
                      {m.name} · {m.email}
                    </option>
                  ))}
                </Select>
              </td>
            </tr>
          );
        })}
    </ChoiceTable>
  );
}

/** Each role the source can read, with the column that feeds it; under it the file as it reads. */
export function ColumnMapping({ report, flow }: Props) {
  const { header, mapping, preview } = report.columns!;
  const columnOf = (field: CallField, column: number | null) => {
    const chosen = flow.choices.columns[field];
    return chosen !== undefined ? chosen : column === null ? null : header[column];
  };
  const readAs = header.map((h) => {
    const fields = mapping.filter((m) => columnOf(m.field, m.column) === h).map((m) => m.field);
    return fields.length ? fields.join(", ") : null;
  });
  return (
    <fieldset className="flex min-w-0 flex-col gap-4">
      <legend className="text-xs font-medium text-faint">Column mapping: the column each role is read from</legend>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {mapping.map((m) => (
          <Field key={m.field} id={`call-column-${m.field}`} label={CALL_FIELD_LABELS[m.field]}>
            <Select
              id={`call-column-${m.field}`}
              value={columnOf(m.field, m.column) ?? ""}
              onChange={(e) => flow.choose((c) => ({ ...c, columns: { ...c.columns, [m.field]: e.target.value || null } }))}
            >
              <option value="">Not read</option>
              {header.map((h, i) => (
                <option key={i} value={h}>
                  {h}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      <ColumnPreview header={header} rows={preview} readAs={readAs} />
    </fieldset>
  );
}
