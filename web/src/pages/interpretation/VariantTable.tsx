import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useRef } from 'react';
import { ClassBadge, consequencesText, ReasonText, useInterpretationText } from './common.tsx';
import type { CaseVariantRow, Offer } from './types.ts';

/** Rows are one line high (CSS keeps them so); the virtualiser measures them anyway. */
const ROW_HEIGHT = 36;
/** Rows rendered beyond the visible ones, so a fast scroll does not show blank space. */
const OVERSCAN = 12;
/** Both tables, kept and removed, have eleven columns. */
const COLUMNS = 11;

/**
 * A case's variants as a table that renders only the rows in view: a case from an exome has tens
 * of thousands. It stays a real table (aria-rowcount and aria-rowindex tell a screen reader where
 * it is); the label in each row is a button, and the arrow keys move between rows.
 */
export function VariantTable({
  rows,
  removed,
  selectedId,
  onOpen,
  onPullBack,
  testId,
}: {
  rows: CaseVariantRow[];
  removed: boolean;
  selectedId: number | null;
  onOpen(row: CaseVariantRow): void;
  onPullBack?: (row: CaseVariantRow) => void;
  testId: string;
}) {
  const { i, format, filterReason } = useInterpretationText();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    virtualizer.scrollToIndex(target, { align: 'auto' });
    // The row may not be rendered until the virtualiser has scrolled to it.
    const focus = (tries: number) =>
      requestAnimationFrame(() => {
        const button = scrollRef.current?.querySelector<HTMLButtonElement>(
          `tr[data-index="${target}"] button.row-open`,
        );
        if (button) button.focus();
        else if (tries > 0) focus(tries - 1);
      });
    focus(5);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + 10,
      PageUp: index - 10,
      Home: 0,
      End: rows.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    focusRow(next);
  };

  if (rows.length === 0) return <p data-testid={`${testId}-empty`}>{i.table.empty}</p>;
  const tb = i.table;
  return (
    <div className="variant-scroll" ref={scrollRef} data-testid={`${testId}-scroll`}>
      <table className="variant-table" aria-rowcount={rows.length + 1} data-testid={testId}>
        <caption>
          {format(removed ? tb.removedCaption : tb.keptCaption, { n: rows.length })}{' '}
          <span className="sr-only">{tb.keyboardHint}</span>
        </caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">{tb.label}</th>
            <th scope="col">{tb.gene}</th>
            <th scope="col">{tb.hgvsc}</th>
            <th scope="col">{tb.hgvsp}</th>
            <th scope="col">{tb.consequence}</th>
            <th scope="col" className="number">
              {tb.vaf}
            </th>
            <th scope="col" className="number">
              {tb.depth}
            </th>
            <th scope="col" className="number">
              {tb.populationAf}
            </th>
            {removed ? (
              <>
                <th scope="col">{tb.removedBy}</th>
                <th scope="col">{tb.reason}</th>
                <th scope="col">
                  <span className="sr-only">{tb.pullBack}</span>
                </th>
              </>
            ) : (
              <>
                <th scope="col">{tb.hotspot}</th>
                <th scope="col">{tb.prior}</th>
                <th scope="col">{tb.decision}</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr className="spacer">
              <td colSpan={COLUMNS} style={{ height: paddingTop }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index] as CaseVariantRow;
            const why = removed ? filterReason(row) : null;
            return (
              <tr
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                data-variant-id={row.id}
                aria-rowindex={item.index + 2}
                aria-current={row.id === selectedId ? 'true' : undefined}
                className="variant-row"
                onClick={(event) => {
                  if ((event.target as HTMLElement).closest('button')) return;
                  onOpen(row);
                }}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="row-open"
                    onClick={() => onOpen(row)}
                    onKeyDown={(event) => onKeyDown(event, item.index)}
                  >
                    {row.label}
                  </button>
                </th>
                <td>{row.gene ?? '–'}</td>
                <td>
                  <Hgvs value={row.hgvsc} />
                </td>
                <td>
                  <Hgvs value={row.hgvsp} />
                </td>
                <td>{consequencesText(row)}</td>
                <RowNumbers row={row} />
                {removed ? (
                  <>
                    <td>{row.filter}</td>
                    <td className="reason" title={why?.text}>
                      <ReasonText words={why} />
                    </td>
                    <td>
                      {onPullBack && (
                        <button
                          type="button"
                          className="secondary small"
                          aria-label={format(tb.pullBackLabel, { label: row.label })}
                          onClick={() => onPullBack(row)}
                        >
                          {tb.pullBack}
                        </button>
                      )}
                    </td>
                  </>
                ) : (
                  <>
                    <td>{row.hotspot && <span className="badge hotspot">{tb.hotspotBadge}</span>}</td>
                    <td>
                      <OfferBadge offers={row.offers} />
                    </td>
                    <td>
                      <DecisionText row={row} />
                    </td>
                  </>
                )}
              </tr>
            );
          })}
          {paddingBottom > 0 && (
            <tr className="spacer">
              <td colSpan={COLUMNS} style={{ height: paddingBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

function RowNumbers({ row }: { row: CaseVariantRow }) {
  const { percent, number, frequency } = useInterpretationText();
  return (
    <>
      <td className="number">{percent(row.vaf)}</td>
      <td className="number">{number(row.depth, 0)}</td>
      <td className="number">{frequency(row.populationAf)}</td>
    </>
  );
}

/** `ENST00000646891.2:c.1799T>A` shows as `c.1799T>A`; the transcript is in the tooltip. */
function Hgvs({ value }: { value: string | null }) {
  if (!value) return <>–</>;
  const short = value.includes(':') ? value.slice(value.indexOf(':') + 1) : value;
  return (
    <code title={value} className="hgvs">
      {short}
    </code>
  );
}

/** The best offer: the lab's own finalised assessment first, then another lab's; its class and age. */
export function OfferBadge({ offers }: { offers: Offer[] }) {
  const { i, format, className, age } = useInterpretationText();
  const best = offers.find((o) => o.ownLab) ?? offers[0];
  if (!best) return null;
  return (
    <span
      className={`badge offer class-${best.classification}`}
      title={best.lab_name}
      data-testid="offer-badge"
    >
      {format(i.offer, { class: className(best.classification), age: age(best.ageDays) })}
      {best.reReviewRequired && ` · ${i.reReviewRequired}`}
      {offers.length > 1 && ` +${offers.length - 1}`}
    </span>
  );
}

export function DecisionText({ row }: { row: CaseVariantRow }) {
  const { i, tier } = useInterpretationText();
  const decision = row.decision;
  if (!decision) return <span className="muted">{i.table.undecided}</span>;
  if (decision.decision === 'not-relevant')
    return <span className="badge not-relevant">{i.table.notRelevant}</span>;
  return (
    <>
      <ClassBadge classification={decision.classification} />{' '}
      <span className="tier">{tier(decision.amp_tier, decision.amp_level)}</span>
    </>
  );
}
