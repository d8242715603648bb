import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Session } from '../../api.ts';
import { Link, navigate } from '../../router.tsx';
import { Loaded } from '../catalogue/common.tsx';
import { LAB_ROLES } from '../orders/types.ts';
import { AmendForm } from './AmendForm.tsx';
import { useReportingText } from './common.tsx';
import { DraftEditor } from './DraftEditor.tsx';
import { SignPanel } from './SignPanel.tsx';
import {
  type ReportSummary,
  type ReportVersion,
  reportPath,
  type SignResult,
  type VersionSummary,
  versionApi,
} from './types.ts';
import { VersionList, versionState } from './VersionList.tsx';
import './reporting.css';

/**
 * One report at /reports/:id (its newest version the reader may see) or /reports/:id/versions/:v:
 * the versions, the rendered report, the downloads, and for the lab the draft's editor, signing
 * and amending. Drafts are the lab's: others are shown the signed versions only.
 */
export function ReportPage({
  id,
  version,
  session,
}: {
  id: string;
  version: number | null;
  session: Session;
}) {
  const summary = useQuery({
    queryKey: ['reports', id],
    queryFn: () => api<ReportSummary>('GET', `/api/reports/${id}`),
  });
  const lab = LAB_ROLES.includes(session.role ?? '');
  return (
    <Loaded query={summary}>
      {(report) => (
        <ReportView
          report={report}
          versions={report.versions.filter((v) => lab || v.status === 'signed')}
          requested={version}
          session={session}
        />
      )}
    </Loaded>
  );
}

function ReportView({
  report,
  versions,
  requested,
  session,
}: {
  report: ReportSummary;
  versions: VersionSummary[];
  requested: number | null;
  session: Session;
}) {
  const { r, format, lang } = useReportingText();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const latest = versions.at(-1);
  const shown = requested ?? latest?.version ?? 0;
  const summary = versions.find((v) => v.version === shown);
  const content = useQuery({
    queryKey: ['reports', report.id, 'version', shown, lang],
    queryFn: () => api<ReportVersion>('GET', versionApi(report.id, shown, `?lang=${lang}`)),
    enabled: summary !== undefined,
  });

  const title = (
    <header className="report-header">
      <h1 id="report-title">{format(r.pageTitle, { orderNumber: report.order_number })}</h1>
      <Link href={`/orders/${report.order_id}`}>{format(r.order, { orderNumber: report.order_number })}</Link>
    </header>
  );
  if (!latest || !summary)
    return (
      <article aria-labelledby="report-title" className="report-page">
        {title}
        <p>{latest ? format(r.notAvailable, { n: shown }) : r.orderSection.none}</p>
      </article>
    );

  const role = session.role ?? '';
  const lab = LAB_ROLES.includes(role) && session.purpose === 'care';
  const draft = summary.status === 'draft';
  const editable = lab && draft && summary.signatures.length === 0;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['reports'] });
  const signed = async (result: SignResult) => {
    setNotice(
      result.status === 'signed'
        ? [
            format(r.signedNotice, { n: shown }),
            result.notified?.length ? format(r.notified, { names: result.notified.join(', ') }) : '',
          ].join(' ')
        : format(r.signedPartlyNotice, { count: result.signatures, required: result.required }),
    );
    await refresh();
  };

  return (
    <article aria-labelledby="report-title" className="report-page">
      {title}
      <p className="muted" data-testid="shown-version">
        {format(r.shownVersion, { n: shown })}
      </p>
      <p role="status" className="ok" data-testid="report-notice">
        {notice}
      </p>
      <div className="report-layout">
        <aside className="report-side">
          <VersionList reportId={report.id} versions={versions} shown={shown} />
          <Downloads report={report} version={summary} />
        </aside>
        <div className="report-main">
          <Banner versions={versions} summary={summary} reportId={report.id} />
          {lab && draft && summary.signatures.length > 0 && (
            <section aria-label={format(r.sign, { n: shown })} className="actions">
              <SignPanel
                reportId={report.id}
                version={shown}
                label={format(r.sign, { n: shown })}
                onSigned={signed}
              />
            </section>
          )}
          {lab && !draft && shown === latest.version && (
            <AmendForm
              reportId={report.id}
              current={shown}
              onAmended={async (next) => {
                setNotice(format(r.amend.created, { n: next }));
                await refresh();
                navigate(reportPath(report.id, next));
              }}
            />
          )}
          <div className={editable ? 'report-work with-editor' : 'report-work'}>
            {editable && content.data && (
              <DraftEditor
                key={`${report.id}-${shown}`}
                reportId={report.id}
                version={shown}
                content={content.data.content}
                onSaved={refresh}
                onSigned={signed}
              />
            )}
            <Loaded query={content}>
              {(data) => (
                <section
                  aria-label={r.rendered}
                  className="report-html"
                  data-testid="report-html"
                  // biome-ignore lint/security/noDangerouslySetInnerHtml: the server's renderer (html.ts) escapes every piece of text
                  dangerouslySetInnerHTML={{ __html: data.html }}
                />
              )}
            </Loaded>
          </div>
        </div>
      </div>
    </article>
  );
}

/** What the shown version is: signed and current, superseded, partly signed, or a draft. */
function Banner({
  versions,
  summary,
  reportId,
}: {
  versions: VersionSummary[];
  summary: VersionSummary;
  reportId: string;
}) {
  const { r, format, signer } = useReportingText();
  const state = versionState(versions, summary.version);
  const names = summary.signatures.map(signer).join('; ');
  if (state.kind === 'superseded')
    return (
      <div className="report-banner superseded" data-testid="report-banner">
        <p>{format(r.supersededBanner, { n: state.by })}</p>
        <Link href={reportPath(reportId, state.by)}>{format(r.openCurrent, { n: state.by })}</Link>
      </div>
    );
  if (state.kind === 'current')
    return (
      <div className="report-banner signed" data-testid="report-banner">
        <p>{format(r.signedBanner, { n: summary.version, names })}</p>
      </div>
    );
  return (
    <div className="report-banner draft" data-testid="report-banner">
      <p>
        {summary.signatures.length > 0
          ? format(r.partlySigned, { n: summary.version, names })
          : format(r.draftBanner, { n: summary.version })}
      </p>
    </div>
  );
}

function Downloads({ report, version }: { report: ReportSummary; version: VersionSummary }) {
  const { r, lang } = useReportingText();
  const base = `${report.order_number}-v${version.version}`;
  const url = (rest: string) => versionApi(report.id, version.version, rest);
  return (
    <section aria-labelledby="downloads-title" className="report-downloads">
      <h2 id="downloads-title">{r.downloads}</h2>
      <ul className="plain">
        <li>
          <a href={url(`/pdf?lang=${lang}`)} download={`${base}.pdf`} data-testid="download-pdf">
            {r.pdf}
          </a>
        </li>
        <li>
          <a href={url('/fhir')} download={`${base}.fhir.json`} data-testid="download-fhir">
            {r.fhirBundle}
          </a>
        </li>
        <li>
          <a href={url('/fhir/diagnostic-report')} download={`${base}.diagnostic-report.json`}>
            {r.diagnosticReport}
          </a>
        </li>
        {version.status === 'signed' ? (
          <li>
            <a
              href={url('/cancer-registry')}
              download={`${base}.kreftregisteret.json`}
              data-testid="download-cancer-registry"
            >
              {r.cancerRegistry}
            </a>
          </li>
        ) : (
          <li className="hint">{r.cancerRegistryAfterSigning}</li>
        )}
      </ul>
    </section>
  );
}
