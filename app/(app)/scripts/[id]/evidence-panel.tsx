"use client";

import { FactCards } from "@/app/_components/fact-cards";
import { Badge, Card } from "@/app/_components/ui";
import { formatEvidence, formatMinutes } from "@/lib/format";
import type { ScriptPageData, VersionEvidence } from "./script-data";

function RateCell({ evidence, minSample }: { evidence: VersionEvidence | VersionEvidence["byAttempt"][number]; minSample: number }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="tabular">{formatEvidence(evidence)}</span>
      {evidence.voicemails < minSample && <Badge tone="warn">needs more data</Badge>}
    </span>
  );
}

const th = "px-2 pb-2 font-medium first:pl-0 last:pr-0";
const thRight = "px-2 pb-2 text-right font-medium first:pl-0 last:pr-0";
const td = "px-2 py-2 first:pl-0 last:pr-0";

export function EvidencePanel({ script }: { script: ScriptPageData }) {
  const e = script.evidence;
  const stats = [
    { label: "Voicemails", value: e.voicemails.toLocaleString("en-US") },
    { label: "Returned", value: e.returned.toLocaleString("en-US") },
    { label: "Appointment rate", value: formatEvidence(e.appointmentRate) },
    { label: "Median to callback", value: formatMinutes(e.medianMinutesToCallback) },
    { label: "80th percentile to callback", value: formatMinutes(e.p80MinutesToCallback) },
  ];
  return (
    <Card title="Does it get called back?" description={`All versions together · 95% Wilson intervals · ${script.minSample} voicemails before a rate is ranked`}>
      <div className="flex flex-col gap-6">
        <dl className="grid gap-4 sm:grid-cols-3 lg:grid-cols-6">
          <div className="sm:col-span-3 lg:col-span-1">
            <dt className="text-xs text-faint">Callback rate</dt>
            <dd className="mt-1 text-sm font-medium">
              <RateCell evidence={e} minSample={script.minSample} />
            </dd>
          </div>
          {stats.map((s) => (
            <div key={s.label}>
              <dt className="text-xs text-faint">{s.label}</dt>
              <dd className="tabular mt-1 text-sm font-medium">{s.value}</dd>
            </div>
          ))}
        </dl>
        <div className="overflow-x-auto">
          <table className="w-full text-sm sm:min-w-[420px]">
            <caption className="mb-2 text-left text-xs font-semibold text-text">Callback rate by attempt number</caption>
            <thead className="text-left text-xs text-faint">
              <tr>
                <th className={th}>Attempt</th>
                <th className={th}>Callback rate</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {e.byAttempt.map((b) => (
                <tr key={b.bucket}>
                  <td className={`tabular ${td}`}>{b.bucket === "4+" ? "4th or later" : `#${b.bucket}`}</td>
                  <td className={td}>{b.voicemails ? <RateCell evidence={b} minSample={script.minSample} /> : <span className="text-faint">no voicemails</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="sm:hidden">
          <h3 className="text-xs font-semibold text-text">By version</h3>
          <FactCards
            label="By version"
            cards={script.versions.map((v) => ({
              key: v.id,
              name: `v${v.number}`,
              facts: [
                { term: "Callback rate", value: <RateCell evidence={v.evidence} minSample={script.minSample} />, wide: true },
                { term: "Voicemails", value: v.evidence.voicemails },
                { term: "Returned", value: v.evidence.returned },
                { term: "Appointment rate", value: formatEvidence(v.evidence.appointmentRate), wide: true },
                { term: "Median / 80th pct to callback", value: `${formatMinutes(v.evidence.medianMinutesToCallback)} / ${formatMinutes(v.evidence.p80MinutesToCallback)}`, wide: true },
                { term: "Median message", value: v.evidence.medianMessageSeconds === null ? "—" : `${Math.round(v.evidence.medianMessageSeconds)} s` },
              ],
            }))}
          />
        </div>
        <div className="hidden overflow-x-auto sm:block">
          <table className="w-full min-w-[760px] text-sm">
            <caption className="mb-2 text-left text-xs font-semibold text-text">By version</caption>
            <thead className="text-left text-xs text-faint">
              <tr>
                <th className={th}>Version</th>
                <th className={thRight}>Voicemails</th>
                <th className={thRight}>Returned</th>
                <th className={th}>Callback rate</th>
                <th className={th}>Appointment rate</th>
                <th className={thRight}>Median / 80th pct to callback</th>
                <th className={thRight}>Median message</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {script.versions.map((v) => (
                <tr key={v.id}>
                  <td className={td}>v{v.number}</td>
                  <td className={`tabular text-right ${td}`}>{v.evidence.voicemails}</td>
                  <td className={`tabular text-right ${td}`}>{v.evidence.returned}</td>
                  <td className={td}>
                    <RateCell evidence={v.evidence} minSample={script.minSample} />
                  </td>
                  <td className={`tabular ${td}`}>{formatEvidence(v.evidence.appointmentRate)}</td>
                  <td className={`tabular text-right ${td}`}>
                    {formatMinutes(v.evidence.medianMinutesToCallback)} / {formatMinutes(v.evidence.p80MinutesToCallback)}
                  </td>
                  <td className={`tabular text-right ${td}`}>{v.evidence.medianMessageSeconds === null ? "—" : `${Math.round(v.evidence.medianMessageSeconds)} s`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </Card>
  );
}
