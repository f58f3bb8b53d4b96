import { Badge } from "@/app/_components/ui";

/** Voicemails longer than this get a warning: the seed's rep rewrote his to 24 seconds. */
export const VOICEMAIL_LIMIT_SECONDS = 30;

export function ReadTime({
  words,
  readSeconds,
  wordsPerMinute,
  measured,
}: {
  words: number;
  readSeconds: number;
  wordsPerMinute: number;
  measured: { medianMessageSeconds: number | null; measuredMessages: number } | null;
}) {
  const long = readSeconds > VOICEMAIL_LIMIT_SECONDS || (measured?.medianMessageSeconds ?? 0) > VOICEMAIL_LIMIT_SECONDS;
  return (
    <div className="flex flex-col gap-2">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted">Word count</dt>
        <dd className="tabular">{words}</dd>
        <dt className="text-muted">Estimated read time</dt>
        <dd className="tabular">
          {readSeconds} s <span className="text-faint">at {wordsPerMinute} words a minute</span>
        </dd>
        {measured && (
          <>
            <dt className="text-muted">Measured median</dt>
            <dd className="tabular">
              {measured.medianMessageSeconds === null ? (
                <span className="text-faint">not measured yet</span>
              ) : (
                <>
                  {Math.round(measured.medianMessageSeconds)} s <span className="text-faint">over {measured.measuredMessages} timed voicemails</span>
                </>
              )}
            </dd>
          </>
        )}
      </dl>
      {long && (
        <p role="status" className="flex items-center gap-2 text-sm text-warn">
          <Badge tone="warn">over 30 s</Badge> This voicemail runs over {VOICEMAIL_LIMIT_SECONDS} seconds; shorter messages are easier to hear out.
        </p>
      )}
    </div>
  );
}
