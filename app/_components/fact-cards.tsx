// A table's rows as a list of cards, for screens narrower than its columns (issue 12, item 17: at
// 375 px the wide tables scrolled sideways inside their cards). Shown instead of the table below
// `sm`, which the caller hides there; the same rows, in the same order, with the same words.

export type FactCard = {
  key: string | number;
  /** The card's accessible name: what the row's first cell names (a script, a prospect, a version). */
  name: string;
  /** The card's heading line; `name` when absent. */
  title?: React.ReactNode;
  /** Beside the title: a rank, a status. */
  aside?: React.ReactNode;
  facts: { term: string; value: React.ReactNode; wide?: boolean; key?: string }[];
};

export function FactCards({ label, cards, empty }: { label: string; cards: FactCard[]; empty?: string }) {
  if (!cards.length) return empty ? <p className="py-6 text-center text-sm text-muted sm:hidden">{empty}</p> : null;
  return (
    <ol aria-label={label} className="flex flex-col divide-y divide-border sm:hidden">
      {cards.map((c) => (
        <li key={c.key} aria-label={c.name} className="flex flex-col gap-2 py-3 text-sm">
          <div className="flex items-baseline justify-between gap-3">
            <span className="min-w-0 break-words">{c.title ?? <bdi className="font-medium">{c.name}</bdi>}</span>
            {c.aside !== undefined && <span className="tabular shrink-0">{c.aside}</span>}
          </div>
          <dl className="tabular grid grid-cols-2 gap-x-4 gap-y-1">
            {c.facts.map((f) => (
              <div key={f.key ?? f.term} className={`flex min-w-0 flex-col ${f.wide ? "col-span-2" : ""}`}>
                <dt className="text-xs text-faint">{f.term}</dt>
                <dd className="break-words">{f.value}</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ol>
  );
}
