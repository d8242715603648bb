import { useQuery } from '@tanstack/react-query';
import { api, type Session } from '../../api.ts';
import { Link, useSearchParams } from '../../router.tsx';
import { Loaded } from '../catalogue/common.tsx';
import { AssessmentHistory, CurrentByLab } from './AssessmentHistory.tsx';
import { useConflicts } from './ConflictsPage.tsx';
import { TranscriptFacts, useInterpretationText } from './common.tsx';
import { KnowledgeSources } from './KnowledgeSources.tsx';
import {
  type CaseHeader,
  type CaseVariantRow,
  caseKey,
  casePath,
  type VariantKnowledge,
  type Worklist,
} from './types.ts';
import './interpretation.css';

/**
 * One variant at /variants/:id: what it is, every lab's assessments with their versions, ClinVar
 * and CIViC, and open conflicts about it. The knowledge API gives the variant without annotation;
 * opened from a case (`?case=`), the page shows that case's annotation of it.
 */
export function VariantPage({ id, session }: { id: number; session: Session }) {
  const caseId = useSearchParams().get('case');
  const knowledge = useQuery({
    queryKey: ['interpretation', 'variant', id],
    queryFn: () => api<VariantKnowledge>('GET', `/api/variants/${id}`),
  });
  const header = useQuery({
    queryKey: caseId ? caseKey(caseId) : ['interpretation', 'no-case'],
    queryFn: () => api<CaseHeader>('GET', `/api/cases/${caseId}`),
    enabled: caseId !== null,
  });
  const worklist = useQuery({
    queryKey: caseId
      ? [...caseKey(caseId), 'worklist', header.data?.filter_chain]
      : ['interpretation', 'no-case'],
    queryFn: () => api<Worklist>('GET', `/api/cases/${caseId}/worklist`),
    enabled: caseId !== null && header.data !== undefined,
  });
  const row = [...(worklist.data?.kept ?? []), ...(worklist.data?.removed ?? [])].find((r) => r.id === id);
  return (
    <Loaded query={knowledge}>
      {(data) => <VariantView data={data} row={row ?? null} header={header.data ?? null} session={session} />}
    </Loaded>
  );
}

function VariantView({
  data,
  row,
  header,
  session,
}: {
  data: VariantKnowledge;
  row: CaseVariantRow | null;
  header: CaseHeader | null;
  session: Session;
}) {
  const { i, format } = useInterpretationText();
  const v = i.variant;
  const { variant } = data;
  const conflicts = useConflicts();
  const open = (conflicts.data?.conflicts ?? []).filter((c) => Number(c.variant_id) === Number(variant.id));
  return (
    <article aria-labelledby="variant-title" className="variant-page interpretation">
      <h1 id="variant-title">{format(v.title, { label: row?.label ?? variant.identity_key })}</h1>
      {header && (
        <p>
          <Link href={`${casePath(header.id)}?variant=${variant.id}`}>{v.backToCase}</Link>
        </p>
      )}
      <section aria-labelledby="annotation-title">
        <h2 id="annotation-title">{v.annotation}</h2>
        <dl className="facts" data-testid="variant-annotation">
          <dt>{v.coordinates}</dt>
          <dd>
            <code>
              {variant.chrom}:{Number(variant.start_pos) + 1} {variant.ref || '-'}&gt;{variant.alt || '-'}
            </code>{' '}
            {variant.assembly}
          </dd>
          <dt>{v.kind}</dt>
          <dd>{variant.kind}</dd>
          <dt>{v.identityKey}</dt>
          <dd>
            <code>{variant.identity_key}</code>
          </dd>
          <dt>{v.vrsId}</dt>
          <dd>
            <code>{variant.vrs_id ?? '–'}</code>
          </dd>
          {row && (
            <>
              <dt>{i.table.gene}</dt>
              <dd>{row.gene ?? '–'}</dd>
              <TranscriptFacts row={row} />
              <dt>{i.table.hotspot}</dt>
              <dd>{row.hotspot ? i.table.hotspotBadge : '–'}</dd>
            </>
          )}
        </dl>
        <p className="muted">
          {row && header ? format(v.fromCase, { orderNumber: header.order_number }) : v.noAnnotation}
        </p>
      </section>
      <CurrentByLab assessments={data.assessments} ownLab={session.organisationId} />
      <AssessmentHistory assessments={data.assessments} />
      <section aria-labelledby="variant-conflicts-title">
        <h2 id="variant-conflicts-title">{v.conflictsTitle}</h2>
        {open.length === 0 ? (
          <p>{v.conflictsEmpty}</p>
        ) : (
          <ul className="plain" data-testid="variant-conflicts">
            {open.map((c) => (
              <li key={c.id}>
                {format(i.conflicts.classAt, {
                  class: i.classes[c.raised_classification] ?? c.raised_classification,
                  lab: c.raised_by_lab,
                })}
                {' ↔ '}
                {format(i.conflicts.classAt, {
                  class: i.classes[c.other_classification] ?? c.other_classification,
                  lab: c.other_lab,
                })}
                {', '}
                {c.context} — <Link href="/interpretation/conflicts">{i.sections.conflicts}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <KnowledgeSources clinvar={data.clinvar} civic={data.civic} />
    </article>
  );
}
