import { useQueryClient } from '@tanstack/react-query';
import { api, type Session } from '../api.ts';
import { useI18n } from '../i18n.tsx';

const PURPOSES = ['care', 'quality-assurance', 'research', 'administration'];

/** Which membership the user acts in, and for what purpose: sent with every request via the session. */
export function ContextSwitch({ session }: { session: Session }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  if (!session.organisationId || !session.role) return null;

  const change = async (next: { organisationId: string; role: string; purpose: string }) => {
    await api('PUT', '/api/session/context', next);
    await queryClient.invalidateQueries();
  };
  const current = `${session.organisationId}|${session.role}`;

  return (
    <div className="context">
      <label>
        {t.organisation} / {t.role}
        <select
          value={current}
          onChange={(e) => {
            const [organisationId, role] = e.target.value.split('|') as [string, string];
            void change({ organisationId, role, purpose: session.purpose ?? 'care' });
          }}
        >
          {session.memberships.map((m) => (
            <option key={`${m.organisationId}|${m.role}`} value={`${m.organisationId}|${m.role}`}>
              {m.organisationName} — {t.roles[m.role] ?? m.role}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.purpose}
        <select
          name="purpose"
          value={session.purpose ?? ''}
          onChange={(e) =>
            void change({
              organisationId: session.organisationId as string,
              role: session.role as string,
              purpose: e.target.value,
            })
          }
        >
          {PURPOSES.map((p) => (
            <option key={p} value={p}>
              {t.purposes[p]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
