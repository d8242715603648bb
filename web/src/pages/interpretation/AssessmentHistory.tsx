import { ClassBadge, useInterpretationText } from './common.tsx';
import type { StoredAssessment } from './types.ts';

const groupKey = (a: StoredAssessment) => `${a.lab_id}|${a.scheme}|${a.context}`;

/** Each lab's current class: its latest finalised assessment per scheme and context. */
export function CurrentByLab({
  assessments,
  ownLab,
}: {
  assessments: StoredAssessment[];
  ownLab: string | null;
}) {
  const { i, tier, date } = useInterpretationText();
  const v = i.variant;
  const current = new Map<string, StoredAssessment>();
  for (const a of [...assessments]
    .filter((a) => a.finalised_at)
    .sort((x, y) => String(y.finalised_at).localeCompare(String(x.finalised_at))))
    if (!current.has(groupKey(a))) current.set(groupKey(a), a);
  const c = v.columns;
  return (
    <section aria-labelledby="labs-title">
      <h2 id="labs-title">{v.labsTitle}</h2>
      {current.size === 0 ? (
        <p>{v.labsEmpty}</p>
      ) : (
        <table data-testid="current-by-lab">
          <thead>
            <tr>
              <th scope="col">{c.lab}</th>
              <th scope="col">{c.context}</th>
              <th scope="col">{c.scheme}</th>
              <th scope="col">{c.classification}</th>
              <th scope="col">{c.tier}</th>
              <th scope="col">{c.finalised}</th>
            </tr>
          </thead>
          <tbody>
            {[...current.values()].map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  {a.lab} {a.lab_id === ownLab && <span className="muted">{v.ownLab}</span>}
                </th>
                <td>{a.context}</td>
                <td>{i.schemes[a.scheme] ?? a.scheme}</td>
                <td>
                  <ClassBadge classification={a.classification} />
                </td>
                <td>{tier(a.amp_tier, a.amp_level) || '–'}</td>
                <td>{date(a.finalised_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Every assessment, grouped per lab, scheme and context, newest version first: nothing is overwritten. */
export function AssessmentHistory({ assessments }: { assessments: StoredAssessment[] }) {
  const { i, format } = useInterpretationText();
  const v = i.variant;
  const groups = new Map<string, StoredAssessment[]>();
  for (const a of assessments) groups.set(groupKey(a), [...(groups.get(groupKey(a)) ?? []), a]);
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{v.assessmentsTitle}</h2>
      {groups.size === 0 && <p>{v.assessmentsEmpty}</p>}
      {[...groups.entries()].map(([key, versions]) => {
        const first = versions[0] as StoredAssessment;
        return (
          <section key={key} className="history-group" data-testid="assessment-history">
            <h3>
              {format(v.historyOf, {
                lab: first.lab,
                scheme: i.schemes[first.scheme] ?? first.scheme,
                context: first.context,
              })}
            </h3>
            <ol className="history">
              {[...versions]
                .sort((x, y) => y.version - x.version)
                .map((a) => (
                  <AssessmentVersion key={a.id} assessment={a} />
                ))}
            </ol>
          </section>
        );
      })}
    </section>
  );
}

function AssessmentVersion({ assessment: a }: { assessment: StoredAssessment }) {
  const { i, format, tier, dateTime } = useInterpretationText();
  const v = i.variant;
  const tierText = tier(a.amp_tier, a.amp_level);
  return (
    <li data-testid="assessment-version">
      <strong>{format(v.version, { n: a.version })}</strong> <ClassBadge classification={a.classification} />
      {a.points !== null && ` ${format(i.form.points, { n: a.points })}`}
      {tierText && ` · ${tierText}`}
      {a.escat && ` · ESCAT ${a.escat}`}
      {' · '}
      {dateTime(a.created_at)}
      {a.author && ` ${format(v.by, { name: a.author })}`}
      {' · '}
      {a.finalised_at ? format(v.finalisedAt, { at: dateTime(a.finalised_at) }) : v.notFinalised}
      {a.reused_from && ` · ${v.reused}`}
      <dl className="facts compact">
        <dt>{v.criteria}</dt>
        <dd>{a.criteria.map((c) => c.label).join(', ') || '–'}</dd>
        {a.evidence.length > 0 && (
          <>
            <dt>{v.evidence}</dt>
            <dd>
              <ul className="plain">
                {a.evidence.map((e) => (
                  <li key={`${e.source}-${e.pubmedId}-${e.type}-${e.level}`}>
                    {i.form.evidenceTypes[e.type] ?? e.type}
                    {e.level && `, ${i.form.level.toLowerCase()} ${e.level}`}
                    {e.tumourTypeMatches && `, ${i.form.tumourTypeMatches.toLowerCase()}`}: {e.source}
                    {e.pubmedId && (
                      <>
                        {' '}
                        (
                        <a
                          href={`https://pubmed.ncbi.nlm.nih.gov/${e.pubmedId}/`}
                          rel="noreferrer"
                          target="_blank"
                        >
                          PMID {e.pubmedId}
                        </a>
                        )
                      </>
                    )}
                    {e.therapies.length > 0 && ` — ${e.therapies.join(', ')}`}
                    {e.text && <span className="prose muted"> {e.text}</span>}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {a.interpretation && (
          <>
            <dt>{v.interpretation}</dt>
            <dd className="prose">{a.interpretation}</dd>
          </>
        )}
        {a.knowledge_releases.length > 0 && (
          <>
            <dt>{v.releases}</dt>
            <dd>{a.knowledge_releases.map((r) => `${r.source} ${r.release}`).join(', ')}</dd>
          </>
        )}
      </dl>
    </li>
  );
}
