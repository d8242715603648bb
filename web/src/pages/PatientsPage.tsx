import { type FormEvent, useState } from 'react';
import { api } from '../api.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useI18n } from '../i18n.tsx';

type Patient = {
  id: string;
  nationalId: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  synthetic: boolean;
  careOrganisations: { id: string; name: string; since: string }[];
};

/** Look a patient up by national id; the number goes in the request body, never in the URL. */
export function PatientsPage() {
  const { t } = useI18n();
  const [nationalId, setNationalId] = useState('');
  const [patient, setPatient] = useState<Patient | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setPatient(null);
    try {
      setPatient(
        await api<Patient>('POST', '/api/patients/lookup', { nationalId: nationalId.replace(/\s/g, '') }),
      );
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section>
      <h1>{t.patientLookup}</h1>
      <form onSubmit={submit} className="inline">
        <label>
          {t.nationalId}
          <input
            name="nationalId"
            inputMode="numeric"
            autoComplete="off"
            required
            value={nationalId}
            onChange={(e) => setNationalId(e.target.value)}
          />
        </label>
        <button type="submit">{t.find}</button>
      </form>
      <ErrorAlert error={error} />
      {patient && (
        <dl className="patient">
          <dt>{t.nav.patients}</dt>
          <dd>
            {patient.givenName} {patient.familyName}{' '}
            {patient.synthetic && <span className="tag">{t.synthetic}</span>}
          </dd>
          <dt>{t.birthDate}</dt>
          <dd>{patient.birthDate}</dd>
          <dt>{t.careAt}</dt>
          <dd>{patient.careOrganisations.map((o) => o.name).join(', ')}</dd>
        </dl>
      )}
    </section>
  );
}
