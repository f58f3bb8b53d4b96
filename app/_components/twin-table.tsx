import { FactCards } from "./fact-cards";

// The numbers behind a chart ("Show the numbers"), as a table from `sm` up and as labelled cards
// below it (issue 12, item 17: at 375 px these tables scrolled sideways). The table stays in the
// accessibility tree at every width — visually hidden on a phone, it is still the chart's twin
// for a screen reader — and the cards, the same rows in the same words, are for the eye only.

export type TwinColumn<R> = {
  /** Unique among the columns; the header when absent. */
  key?: string;
  /** The column heading, and the term of the fact on a card. */
  header: string;
  cell: (row: R) => React.ReactNode;
  align?: "right";
  /** Keep the cell on one line in the table (an interval, a duration). */
  nowrap?: boolean;
  /** The fact spans the card's width (a long value such as a rate with its interval). */
  wide?: boolean;
};

type Props<R> = {
  /** The table's caption: "<chart title> — table". */
  caption: string;
  rows: R[];
  rowKey: (row: R) => string | number;
  /** The first column, which names the row; its header and its card title. */
  name: { header: string; cell: (row: R) => React.ReactNode; text: (row: R) => string; card?: (row: R) => React.ReactNode };
  columns: TwinColumn<R>[];
  /** A column before the name (a rank): the table's first, beside a card's title. */
  lead?: { header: string; cell: (row: R) => React.ReactNode; card?: (row: R) => React.ReactNode };
};

export function TwinTable<R>({ caption, rows, rowKey, name, columns, lead }: Props<R>) {
  return (
    <>
      {/* The wrapper is what hides: a table ignores a 1 px width and grows to its content. */}
      <div className="max-sm:sr-only">
        <table className="w-full text-sm [&_td:not(:last-child)]:pr-3 [&_th:not(:last-child)]:pr-3">
          <caption className="sr-only">{caption}</caption>
          <thead className="text-left text-xs text-faint">
            <tr>
              {lead && <th className="pb-1 font-medium">{lead.header}</th>}
              <th className="pb-1 font-medium">{name.header}</th>
              {columns.map((c) => (
                <th key={c.key ?? c.header} className={`pb-1 font-medium ${c.align === "right" ? "text-right" : ""}`}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="tabular divide-y divide-border">
            {rows.map((r) => (
              <tr key={rowKey(r)}>
                {lead && <td className="py-1">{lead.cell(r)}</td>}
                <td className="py-1">{name.cell(r)}</td>
                {columns.map((c) => (
                  <td key={c.key ?? c.header} className={`py-1 ${c.align === "right" ? "text-right" : ""} ${c.nowrap ? "whitespace-nowrap" : ""}`}>
                    {c.cell(r)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div aria-hidden="true" className="sm:hidden">
        <FactCards
          label={caption.replace(/ — table$/, " — cards")}
          cards={rows.map((r) => ({
            key: rowKey(r),
            name: name.text(r),
            title: <span className="font-medium">{(name.card ?? name.cell)(r)}</span>,
            aside: lead && (lead.card ?? lead.cell)(r),
            facts: columns.map((c) => ({ key: c.key, term: c.header, value: c.cell(r), wide: c.wide })),
          }))}
        />
      </div>
    </>
  );
}
