import { Link } from '../../router.tsx';
import { useReportingText } from './common.tsx';
import { reportPath, type VersionSummary } from './types.ts';

/** What a version is now: the current signed one, superseded by a later signed one, or a draft. */
export type VersionState =
  | { kind: 'current' }
  | { kind: 'superseded'; by: number }
  | { kind: 'draft'; amendment: boolean };

export function versionState(versions: VersionSummary[], version: number): VersionState {
  const self = versions.find((v) => v.version === version);
  if (self?.status !== 'signed') {
    return { kind: 'draft', amendment: versions.some((v) => v.version < version && v.status === 'signed') };
  }
  const later = versions.find((v) => v.version > version && v.status === 'signed');
  return later ? { kind: 'superseded', by: later.version } : { kind: 'current' };
}

/**
 * Every version the reader may see, newest first, with its status, signatures and the reason for
 * an amendment; each is a link, the one shown marked as the current page.
 */
export function VersionList({
  reportId,
  versions,
  shown,
}: {
  reportId: string;
  versions: VersionSummary[];
  shown: number;
}) {
  const { r, format, status, signer, dateTime } = useReportingText();
  const label = (v: VersionSummary) => {
    const state = versionState(versions, v.version);
    if (state.kind === 'current') return r.current;
    if (state.kind === 'superseded') return format(r.supersededBy, { n: state.by });
    return state.amendment ? format(r.amendmentInProgress, { n: v.version }) : null;
  };
  return (
    <nav aria-labelledby="versions-title" className="report-versions">
      <h2 id="versions-title">{r.versions}</h2>
      <ol data-testid="report-versions">
        {[...versions].reverse().map((v) => {
          const state = label(v);
          return (
            <li
              key={v.version}
              data-testid="report-version"
              className={v.version === shown ? 'shown' : undefined}
            >
              <Link
                href={reportPath(reportId, v.version)}
                aria-current={v.version === shown ? 'page' : undefined}
              >
                {format(r.version, { n: v.version })}
              </Link>{' '}
              <span className={`badge ${v.status}`}>{status(v.status)}</span>
              {state && (
                <span className={`version-state ${versionState(versions, v.version).kind}`}>{state}</span>
              )}
              {v.amendment_reason && (
                <p className="version-reason">{format(r.amendmentReason, { reason: v.amendment_reason })}</p>
              )}
              <p className="version-meta">{format(r.created, { when: dateTime(v.created_at) })}</p>
              {v.signatures.length > 0 ? (
                <ul className="plain version-signatures">
                  {v.signatures.map((s) => (
                    <li key={`${s.signer_name}-${s.signed_at}`}>{signer(s)}</li>
                  ))}
                </ul>
              ) : (
                <p className="version-meta">{r.noSignatures}</p>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
