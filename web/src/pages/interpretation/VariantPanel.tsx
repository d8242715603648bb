import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../ErrorAlert.tsx';
import { Link } from '../../router.tsx';
import { ActionForm } from '../orders/ActionForm.tsx';
import { ClassificationForm } from './ClassificationForm.tsx';
import type { Prefill } from './classificationDraft.ts';
import { ClassBadge, ReasonText, TranscriptFacts, useInterpretationText } from './common.tsx';
import {
  type CaseHeader,
  type CaseVariantRow,
  type EvidenceItem,
  type Offer,
  type Scheme,
  type StoredCriterion,
  type VariantKnowledge,
  variantPath,
} from './types.ts';
import { DecisionText } from './VariantTable.tsx';

/**
 * The chosen variant beside the table: its annotation, its decision, the finalised assessments on
 * offer for reuse, and what the lab can do with it (classify, mark not relevant, pull back).
 */
export function VariantPanel({
  header,
  scheme,
  row,
  removed,
  editable,
  onClose,
  onPullBack,
  onDone,
}: {
  header: CaseHeader;
  scheme: Scheme;
  row: CaseVariantRow;
  removed: boolean;
  editable: boolean;
  onClose(): void;
  onPullBack(): void;
  onDone(notice: string): Promise<void>;
}) {
  const { i, format, dateTime, tier, age, problem, worded, filterReason } = useInterpretationText();
  const queryClient = useQueryClient();
  const [prefill, setPrefill] = useState<Prefill | null>(null);
  const [classifying, setClassifying] = useState(false);
  // The error itself, worded at render: a language switch re-words it.
  const [error, setError] = useState<unknown>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const p = i.panel;

  useEffect(() => titleRef.current?.focus(), []);

  const reuse = async (offer: Offer) => {
    setError(null);
    try {
      const knowledge = await queryClient.fetchQuery({
        queryKey: ['interpretation', 'variant', row.id],
        queryFn: () => api<VariantKnowledge>('GET', `/api/variants/${row.id}`),
      });
      const assessment = knowledge.assessments.find((a) => a.id === offer.assessment_id);
      if (!assessment) throw new Error(offer.assessment_id);
      setPrefill({ ...assessment, reuse: { offer, version: assessment.version } });
      setClassifying(true);
    } catch (e) {
      setError(e);
    }
  };
  const classify = () => {
    const decision = row.decision;
    setPrefill(
      decision?.decision === 'classified'
        ? {
            criteria: (decision.criteria ?? []) as StoredCriterion[],
            evidence: (decision.evidence ?? []) as EvidenceItem[],
            escat: decision.escat,
            interpretation: decision.interpretation,
          }
        : null,
    );
    setClassifying(true);
  };

  return (
    <aside aria-labelledby="variant-panel-title" className="variant-panel" data-testid="variant-panel">
      <div className="panel-head">
        <h2 id="variant-panel-title" ref={titleRef} tabIndex={-1}>
          {format(p.label, { label: row.label })}
        </h2>
        <button type="button" className="secondary small" onClick={onClose}>
          {p.close}
        </button>
      </div>
      <p>
        <Link href={variantPath(row.id, header.id)}>{p.variantPage}</Link>
      </p>
      <dl className="facts compact">
        <dt>{p.position}</dt>
        <dd>
          <code>
            {row.chrom}:{row.pos} {row.ref || '-'}&gt;{row.alt || '-'}
          </code>
        </dd>
        <TranscriptFacts row={row} />
        <dt>{p.impact}</dt>
        <dd>{row.impact ?? '–'}</dd>
        <PanelNumbers row={row} />
        <dt>{p.genotype}</dt>
        <dd>{row.genotype ?? '–'}</dd>
        <dt>{p.vcfFilter}</dt>
        <dd>{row.filters.join(';') || '–'}</dd>
        <dt>{p.origin}</dt>
        <dd>{i.origins[row.origin] ?? row.origin}</dd>
        {row.keptBecause && (
          <>
            <dt>{p.keptBecause}</dt>
            <dd>
              {i.table.keptBecause[row.keptBecause] ?? row.keptBecause}
              {row.overrode && (
                <span className="muted">
                  {' '}
                  ({row.overrode.filter}: <ReasonText words={filterReason(row.overrode)} />)
                </span>
              )}
            </dd>
          </>
        )}
        {removed && (
          <>
            <dt>{i.table.removedBy}</dt>
            <dd>
              {row.filter}: <ReasonText words={filterReason(row)} />
            </dd>
          </>
        )}
        <dt>{p.decision}</dt>
        <dd data-testid="panel-decision">
          <DecisionText row={row} />
          {row.decision?.points !== null && row.decision?.points !== undefined && (
            <> {format(i.form.points, { n: row.decision.points })}</>
          )}
          {row.decision?.reason && <span className="reason"> {row.decision.reason}</span>}
          {row.decision?.decided_by && (
            <span className="muted">
              {' '}
              {format(p.decidedBy, { at: dateTime(row.decision.decided_at), name: row.decision.decided_by })}
            </span>
          )}
        </dd>
      </dl>
      <ErrorAlert error={error === null ? null : problem(error)} />

      {row.offers.length > 0 && (
        <section aria-labelledby="offers-title">
          <h3 id="offers-title">{p.offersTitle}</h3>
          <ul className="plain offers" data-testid="offers">
            {row.offers.map((offer) => (
              <li key={offer.assessment_id}>
                <ClassBadge classification={offer.classification} /> {tier(offer.amp_tier, offer.amp_level)}
                {offer.points !== null && `, ${format(i.form.points, { n: offer.points })}`}
                {' · '}
                {offer.lab_name}
                {offer.ownLab && ` (${p.ownLab})`}
                {' · '}
                <span data-testid="offer-age">{age(offer.ageDays)}</span>
                {offer.reReviewRequired && <strong className="warning-text"> {i.reReviewRequired}</strong>}
                {editable && !removed && (
                  <button
                    type="button"
                    className="secondary small"
                    aria-label={format(p.reuseLabel, { lab: offer.lab_name })}
                    onClick={() => reuse(offer)}
                  >
                    {p.reuse}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {editable && removed && (
        <button type="button" className="secondary" onClick={onPullBack}>
          {i.table.pullBack}
        </button>
      )}
      {editable && !removed && !classifying && (
        <>
          <button type="button" onClick={classify}>
            {row.decision?.decision === 'classified' ? p.reclassify : p.classify}
          </button>
          <ActionForm
            id={`not-relevant-${row.id}`}
            title={p.notRelevantTitle}
            fields={[{ name: 'reason', label: i.table.reason, required: true }]}
            submitLabel={p.notRelevantSubmit}
            onSubmit={worded(async (values: Record<string, string>) => {
              await api('POST', `/api/cases/${header.id}/variants/${row.id}/not-relevant`, {
                reason: values.reason?.trim(),
              });
              await onDone(format(p.notRelevantDone, { label: row.label }));
            })}
          />
        </>
      )}
      {!editable && header.status === 'finalised' && <p className="muted">{p.readOnly}</p>}
      {editable && !removed && classifying && (
        <ClassificationForm
          key={prefill?.reuse?.offer.assessment_id ?? 'own'}
          header={header}
          scheme={scheme}
          row={row}
          prefill={prefill}
          onCancel={() => setClassifying(false)}
          onSaved={async (notice) => {
            setClassifying(false);
            await onDone(notice);
          }}
        />
      )}
    </aside>
  );
}

function PanelNumbers({ row }: { row: CaseVariantRow }) {
  const { i, percent, number, frequency } = useInterpretationText();
  return (
    <>
      <dt>{i.panel.vaf}</dt>
      <dd>
        {percent(row.vaf)} ({number(row.altDepth, 0)} / {number(row.depth, 0)})
      </dd>
      <dt>{i.panel.populationAf}</dt>
      <dd>{frequency(row.populationAf)}</dd>
    </>
  );
}
