import { formatEvidence, formatPValue, type Evidence } from "@/lib/format";

type Arm = Evidence & { armId: number; arm: string; title: string; assigned: number; alwaysValidP: number; readAsAssigned: Evidence };

/** The per-arm table on wide screens, one card per arm on a phone. */
export function ArmResults({ arms }: { arms: Arm[] }) {
  return (
    <>
      <table className="hidden w-full text-sm sm:table">
        <caption className="sr-only">Results per script, by assignment</caption>
        <thead className="text-left text-xs text-faint">
          <tr>
            <th className="px-2 pb-2 font-medium">Arm</th>
            <th className="px-2 pb-2 font-medium">Script</th>
            <th className="px-2 pb-2 text-right font-medium">Assigned</th>
            <th className="px-2 pb-2 text-right font-medium">Voicemails</th>
            <th className="px-2 pb-2 text-right font-medium">Returned</th>
            <th className="px-2 pb-2 font-medium">Rate (95% interval)</th>
            <th className="px-2 pb-2 text-right font-medium">Always-valid p</th>
            <th className="px-2 pb-2 font-medium">Read as assigned</th>
          </tr>
        </thead>
        <tbody className="tabular divide-y divide-border">
          {arms.map((a) => (
            <tr key={a.armId}>
              <th scope="row" className="px-2 py-2 text-left font-semibold">
                {a.arm}
              </th>
              <td className="px-2 py-2">{a.title}</td>
              <td className="px-2 py-2 text-right">{a.assigned}</td>
              <td className="px-2 py-2 text-right">{a.voicemails}</td>
              <td className="px-2 py-2 text-right">{a.returned}</td>
              <td className="px-2 py-2">{formatEvidence(a)}</td>
              <td className="px-2 py-2 text-right">{formatPValue(a.alwaysValidP)}</td>
              <td className="px-2 py-2">{formatEvidence(a.readAsAssigned)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="flex flex-col gap-3 sm:hidden" aria-label="Results per script, by assignment">
        {arms.map((a) => (
          <li key={a.armId} className="rounded-md border border-border p-3 text-sm">
            <p className="font-semibold">
              Arm {a.arm}: {a.title}
            </p>
            <dl className="tabular mt-2 grid grid-cols-2 gap-x-3 gap-y-1">
              <dt className="text-muted">Assigned</dt>
              <dd>{a.assigned}</dd>
              <dt className="text-muted">Returned</dt>
              <dd>
                {a.returned} of {a.voicemails}
              </dd>
              <dt className="text-muted">Rate</dt>
              <dd>{formatEvidence(a)}</dd>
              <dt className="text-muted">Always-valid p</dt>
              <dd>{formatPValue(a.alwaysValidP)}</dd>
              <dt className="text-muted">Read as assigned</dt>
              <dd>{formatEvidence(a.readAsAssigned)}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
