import { formatEvidence } from "@/lib/format";
import type { ScriptPageData } from "./script-data";
import { tenthSeconds, type TakesPanelData } from "./take-data";

const COLUMNS = ["Version", "Shared takes", "Median length", "Estimate", "Callback rate"];

/**
 * Per version: how long the team's shared takes run (median) beside the estimate from the words
 * and the version's callback rate, to see whether a shorter read is the one called back.
 */
export function TakesByVersion({ script, perVersion }: { script: ScriptPageData; perVersion: TakesPanelData["perVersion"] }) {
  const byId = new Map(script.versions.map((v) => [v.id, v]));
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="pb-2 text-left text-sm font-semibold">Does the shorter read get called back? Takes by version</caption>
        <thead className="text-xs text-muted">
          <tr>
            {COLUMNS.map((c, i) => (
              <th key={c} scope="col" className={`py-1 font-medium ${i ? "text-right" : "text-left"} ${i < COLUMNS.length - 1 ? "pr-3" : ""}`}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="tabular">
          {[...perVersion].reverse().map((v) => {
            const version = byId.get(v.versionId);
            return (
              <tr key={v.versionId} className="border-t border-border">
                <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                  v{v.number}
                </th>
                <td className="py-1.5 pr-3 text-right">{v.sharedTakes}</td>
                <td className="py-1.5 pr-3 text-right">{v.medianSpokenSeconds === null ? "—" : tenthSeconds(v.medianSpokenSeconds)}</td>
                <td className="py-1.5 pr-3 text-right">{version ? `${version.readSeconds} s` : "—"}</td>
                <td className="py-1.5 text-right">{version ? formatEvidence(version.evidence) : "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
