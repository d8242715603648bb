import { type FormEvent, useState } from 'react';
import { api } from '../api.ts';
import { formatDateTime } from '../dates.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useI18n } from '../i18n.tsx';

type Entry = {
  seq: number;
  at: string;
  username: string | null;
  role: string | null;
  purpose: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  outcome: 'allow' | 'deny';
  reason: string | null;
};

type Verify = { ok: boolean; entries: number; firstBad?: { seq: number; problem: string } };

/** The privacy officer's search of the audit log, and a check of its hash chain. */
export function AuditPage() {
  const { t, format, lang } = useI18n();
  const [filters, setFilters] = useState({ nationalId: '', username: '', from: '', to: '' });
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [verify, setVerify] = useState<Verify | null>(null);
  const [error, setError] = useState<unknown>(null);

  const search = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const body: Record<string, string> = {};
    for (const [key, value] of Object.entries(filters)) if (value.trim()) body[key] = value.trim();
    try {
      setEntries((await api<{ entries: Entry[] }>('POST', '/api/audit/search', body)).entries);
    } catch (e) {
      setEntries(null);
      setError(e);
    }
  };

  const check = async () => {
    try {
      setVerify(await api<Verify>('GET', '/api/audit/verify'));
    } catch (e) {
      setError(e);
    }
  };

  const field = (key: keyof typeof filters, label: string, type = 'text') => (
    <label>
      {label}
      <input
        name={key}
        type={type}
        value={filters[key]}
        onChange={(e) => setFilters({ ...filters, [key]: e.target.value })}
      />
    </label>
  );

  return (
    <section>
      <h1>{t.auditTitle}</h1>
      <p>{t.auditIntro}</p>
      <form onSubmit={search} className="filters">
        {field('nationalId', t.nationalId)}
        {field('username', t.username)}
        {field('from', t.from, 'datetime-local')}
        {field('to', t.to, 'datetime-local')}
        <button type="submit">{t.search}</button>
        <button type="button" className="secondary" onClick={check}>
          {t.verifyChain}
        </button>
      </form>
      <ErrorAlert error={error} />
      {verify && (
        <p role="status" className={verify.ok ? 'ok' : 'error'}>
          {verify.ok
            ? format(t.chainOk, { n: verify.entries })
            : format(t.chainBroken, {
                seq: verify.firstBad?.seq ?? '?',
                problem: verify.firstBad?.problem ?? '',
              })}
        </p>
      )}
      {entries && entries.length === 0 && <p>{t.noEntries}</p>}
      {entries && entries.length > 0 && (
        <table data-testid="audit-results">
          <thead>
            <tr>
              <th>#</th>
              <th>{t.when}</th>
              <th>{t.who}</th>
              <th>{t.role}</th>
              <th>{t.purpose}</th>
              <th>{t.action}</th>
              <th>{t.resource}</th>
              <th>{t.outcome}</th>
              <th>{t.reason}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq} className={e.outcome}>
                <td>{e.seq}</td>
                <td>{formatDateTime(e.at, lang)}</td>
                <td>{e.username}</td>
                <td>{e.role ? (t.roles[e.role] ?? e.role) : ''}</td>
                <td>{e.purpose ? (t.purposes[e.purpose] ?? e.purpose) : ''}</td>
                <td>{e.action}</td>
                <td>{e.resource_type}</td>
                <td>{t[e.outcome]}</td>
                <td>{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
