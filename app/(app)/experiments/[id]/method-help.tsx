/** The page's help: which test decides the verdict, where it comes from, and why it may be read any time. */
export function MethodHelp() {
  return (
    <details className="rounded-lg border border-border bg-surface p-4 text-sm">
      <summary className="cursor-pointer font-medium">How the verdict is decided</summary>
      <div className="mt-3 flex flex-col gap-2 text-muted">
        <p>
          The verdict comes from a <strong className="text-text">mixture sequential probability ratio test (mSPRT)</strong> on the difference of callback rates, the method of Johari,
          Koomen, Pekelis and Walsh, “Always Valid Inference: Continuous Monitoring of A/B Tests”, <em>Operations Research</em> 70(3), 2022. Its p-value is <em>always valid</em>: you
          may look after every voicemail and stop whenever it says so, and the chance of crowning a script that is no better stays under 5%.
        </p>
        <p>
          With three or four scripts every pair is tested, each at its share of the 5% (Bonferroni); a script wins when it beats every other. “No difference worth N points is likely”
          means the test&apos;s anytime-valid confidence sequence for every difference lies within ±N points.
        </p>
        <p>
          Results count each voicemail for the script its prospect was assigned, whatever the rep read (intention to treat), so a good rep&apos;s habits cannot tilt the test; “read
          as assigned” beside it shows the voicemails where the assigned script was read.
        </p>
      </div>
    </details>
  );
}
