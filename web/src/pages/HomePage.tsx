import { useQuery } from '@tanstack/react-query';
import { api, type Session } from '../api.ts';
import { formatDateTime } from '../dates.ts';
import { useI18n } from '../i18n.tsx';

type AccessLogEntry = {
  at: string;
  who: string | null;
  organisation: string | null;
  role: string | null;
  purpose: string | null;
  action: string;
};

export function HomePage({ session }: { session: Session }) {
  const { t, format } = useI18n();
  const membership = session.memberships.find(
    (m) => m.organisationId === session.organisationId && m.role === session.role,
  );
  return (
    <section>
      <h1>{format(t.welcome, { name: session.user.displayName })}</h1>
      {membership && (
        <p>
          {format(t.actingAs, {
            role: t.roles[membership.role] ?? membership.role,
            organisation: membership.organisationName,
            purpose: (t.purposes[session.purpose ?? ''] ?? '').toLowerCase(),
          })}
        </p>
      )}
      {session.patientId && <MyAccessLog patientId={session.patientId} />}
    </section>
  );
}

function MyAccessLog({ patientId }: { patientId: string }) {
  const { t, lang } = useI18n();
  const log = useQuery({
    queryKey: ['access-log', patientId],
    queryFn: () => api<{ entries: AccessLogEntry[] }>('GET', `/api/patients/${patientId}/access-log`),
  });
  return (
    <section aria-labelledby="my-log">
      <h2 id="my-log">{t.myAccessLog}</h2>
      {log.data && log.data.entries.length === 0 && <p>{t.noEntries}</p>}
      {log.data && log.data.entries.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t.when}</th>
              <th>{t.who}</th>
              <th>{t.organisation}</th>
              <th>{t.purpose}</th>
              <th>{t.action}</th>
            </tr>
          </thead>
          <tbody>
            {log.data.entries.map((e) => (
              <tr key={`${e.at}-${e.who}-${e.action}`}>
                <td>{formatDateTime(e.at, lang)}</td>
                <td>{e.who}</td>
                <td>{e.organisation}</td>
                <td>{t.purposes[e.purpose ?? ''] ?? e.purpose}</td>
                <td>{e.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
