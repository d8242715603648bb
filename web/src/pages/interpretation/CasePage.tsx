import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api, type Session } from '../../api.ts';
import { ErrorAlert } from '../../ErrorAlert.tsx';
import { Link, navigate, useSearchParams, withQuery } from '../../router.tsx';
import { Loaded } from '../catalogue/common.tsx';
import { LAB_ROLES } from '../orders/types.ts';
import { CaseSteps } from './CaseSteps.tsx';
import { CaseStatusBadge, useInterpretationText } from './common.tsx';
import { FilterPanel, matchesSearch, type ShownDecisions } from './FilterPanel.tsx';
import { type CaseHeader, type CaseVariantRow, caseKey, casePath, type Worklist } from './types.ts';
import { VariantPanel } from './VariantPanel.tsx';
import { VariantTable } from './VariantTable.tsx';
import './interpretation.css';

/**
 * One case at /cases/:id: what it is and where it stands, the filter chain and what each filter
 * removed, the work-list as a virtualised table, and a side panel for the chosen variant. The
 * chain, the removed table and the chosen variant are in the URL, so a colleague can be sent there.
 */
export function CasePage({ id, session }: { id: string; session: Session }) {
  const header = useQuery({
    queryKey: caseKey(id),
    queryFn: () => api<CaseHeader>('GET', `/api/cases/${id}`),
  });
  return <Loaded query={header}>{(data) => <CaseView header={data} session={session} />}</Loaded>;
}

function CaseView({ header, session }: { header: CaseHeader; session: Session }) {
  const { i, format } = useInterpretationText();
  const queryClient = useQueryClient();
  const params = useSearchParams();
  const chain = params.get('chain') ?? header.filter_chain;
  const showRemoved = params.get('removed') === '1';
  const selectedId = Number(params.get('variant')) || null;
  const [search, setSearch] = useState('');
  const [shown, setShown] = useState<ShownDecisions>('all');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const worklist = useQuery({
    queryKey: [...caseKey(header.id), 'worklist', chain],
    queryFn: () => api<Worklist>('GET', withQuery(`/api/cases/${header.id}/worklist`, { chain })),
  });
  const setParams = (change: Record<string, string | null>) =>
    navigate(
      withQuery(casePath(header.id), {
        chain: params.get('chain'),
        removed: params.get('removed'),
        variant: params.get('variant'),
        ...change,
      }),
      { replace: true },
    );
  const refresh = () => queryClient.invalidateQueries({ queryKey: caseKey(header.id) });
  const labWork = LAB_ROLES.includes(session.role ?? '') && session.purpose === 'care';
  const editable = labWork && header.status !== 'finalised';

  const announce = (text: string) => {
    setError(null);
    setNotice(text);
  };
  const fail = (text: string) => {
    setNotice(null);
    setError(text);
  };

  return (
    <article aria-labelledby="case-title" className="case">
      <header className="order-header">
        <h1 id="case-title">{format(i.caseTitle, { orderNumber: header.order_number })}</h1>
        <CaseStatusBadge status={header.status} />
      </header>
      <CaseFacts header={header} />
      {labWork && <CaseSteps header={header} onDone={announce} onRefused={fail} />}
      <p role="status" className="ok" data-testid="case-notice">
        {notice}
      </p>
      <div data-testid="case-error">
        <ErrorAlert error={error} />
      </div>
      <Loaded query={worklist}>
        {(data) => (
          <WorkArea
            header={header}
            worklist={data}
            chain={chain}
            showRemoved={showRemoved}
            selectedId={selectedId}
            search={search}
            shown={shown}
            editable={editable}
            onSearch={setSearch}
            onShown={setShown}
            onChain={(id) => setParams({ chain: id === header.filter_chain ? null : id })}
            onShowRemoved={(show) => setParams({ removed: show ? '1' : null })}
            onSelect={(row) => setParams({ variant: row ? String(row.id) : null })}
            onDone={async (text) => {
              await refresh();
              announce(text);
            }}
            onRefused={fail}
          />
        )}
      </Loaded>
    </article>
  );
}

function CaseFacts({ header }: { header: CaseHeader }) {
  const { i, format, dateTime } = useInterpretationText();
  const f = i.facts;
  return (
    <section aria-labelledby="case-facts-title">
      <h2 id="case-facts-title" className="sr-only">
        {f.order}
      </h2>
      <dl className="facts" data-testid="case-facts">
        <dt>{f.order}</dt>
        <dd>
          <Link href={`/orders/${header.order_id}`}>{header.order_number}</Link>
        </dd>
        <dt>{f.lab}</dt>
        <dd>{header.lab_name}</dd>
        <dt>{f.analysis}</dt>
        <dd>{header.analysis_name}</dd>
        <dt>{f.context}</dt>
        <dd data-testid="case-context">{header.context}</dd>
        <dt>{f.origin}</dt>
        <dd>{i.origins[header.origin] ?? header.origin}</dd>
        <dt>{f.scheme}</dt>
        <dd>{i.schemes[header.origin === 'somatic' ? 'clingen-cgc-vicc-2022' : 'acmg-2015']}</dd>
        <dt>{i.rounds}</dt>
        <dd>
          <ol className="plain rounds" data-testid="rounds">
            {header.rounds.map((round) => (
              <li key={round.number}>
                <strong>
                  {format(i.round, { n: round.number, kind: i.roundKinds[round.kind] ?? round.kind })}
                </strong>
                {', '}
                {format(i.roundOpened, { at: dateTime(round.opened_at), name: round.opened_by ?? '–' })}
                {round.closed_at
                  ? `; ${format(i.roundClosed, {
                      at: dateTime(round.closed_at),
                      name: round.closed_by ?? '–',
                      outcome: i.outcomes[round.outcome ?? ''] ?? round.outcome ?? '',
                    })}`
                  : ` (${i.roundOpen})`}
                {round.reason && (
                  <span className="reason"> {format(i.roundReason, { reason: round.reason })}</span>
                )}
              </li>
            ))}
          </ol>
        </dd>
      </dl>
    </section>
  );
}

function WorkArea({
  header,
  worklist,
  chain,
  showRemoved,
  selectedId,
  search,
  shown,
  editable,
  onSearch,
  onShown,
  onChain,
  onShowRemoved,
  onSelect,
  onDone,
  onRefused,
}: {
  header: CaseHeader;
  worklist: Worklist;
  chain: string;
  showRemoved: boolean;
  selectedId: number | null;
  search: string;
  shown: ShownDecisions;
  editable: boolean;
  onSearch(text: string): void;
  onShown(shown: ShownDecisions): void;
  onChain(id: string): void;
  onShowRemoved(show: boolean): void;
  onSelect(row: CaseVariantRow | null): void;
  onDone(notice: string): Promise<void>;
  onRefused(error: string): void;
}) {
  const { i, format, problem } = useInterpretationText();
  const kept = useMemo(
    () =>
      worklist.kept.filter(
        (row) =>
          matchesSearch(row, search) &&
          (shown === 'all' || (shown === 'undecided') === (row.decision === null)),
      ),
    [worklist.kept, search, shown],
  );
  const removed = useMemo(
    () => (showRemoved ? worklist.removed.filter((row) => matchesSearch(row, search)) : []),
    [worklist.removed, search, showRemoved],
  );
  const selected =
    worklist.kept.find((row) => row.id === selectedId) ??
    worklist.removed.find((row) => row.id === selectedId) ??
    null;
  const isRemoved = selected !== null && worklist.removed.includes(selected);
  const pullBack = async (row: CaseVariantRow) => {
    try {
      await api('POST', `/api/cases/${header.id}/variants/${row.id}/pull-back`);
      await onDone(format(i.table.pulledBack, { label: row.label }));
    } catch (e) {
      onRefused(problem(e));
    }
  };

  return (
    <>
      <FilterPanel
        header={header}
        worklist={worklist}
        chain={chain}
        search={search}
        shown={shown}
        showRemoved={showRemoved}
        onSearch={onSearch}
        onShown={onShown}
        onChain={onChain}
        onShowRemoved={onShowRemoved}
      />
      <div className={selected ? 'case-work with-panel' : 'case-work'}>
        <div className="case-lists">
          <VariantTable
            rows={kept}
            removed={false}
            selectedId={selectedId}
            onOpen={onSelect}
            testId="kept-variants"
          />
          {showRemoved && (
            <VariantTable
              rows={removed}
              removed
              selectedId={selectedId}
              onOpen={onSelect}
              onPullBack={editable ? pullBack : undefined}
              testId="removed-variants"
            />
          )}
        </div>
        {selected && (
          <VariantPanel
            key={selected.id}
            header={header}
            scheme={worklist.scheme}
            row={selected}
            removed={isRemoved}
            editable={editable}
            onClose={() => onSelect(null)}
            onPullBack={() => pullBack(selected)}
            onDone={onDone}
          />
        )}
      </div>
    </>
  );
}
