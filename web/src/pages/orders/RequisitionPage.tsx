import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { ErrorAlert, problemText } from '../../ErrorAlert.tsx';
import { navigate, useSearchParams } from '../../router.tsx';
import { useCatalogue } from '../catalogue/common.tsx';
import type { AnalysisDetail } from '../catalogue/types.ts';
import { useOrdersText } from './common.tsx';
import { Field, makeFormKit, RadioGroup } from './fields.tsx';
import { checkNationalId, compactNationalId } from './nationalId.ts';
import { DuplicateWarning, PatientHistory } from './PatientHistory.tsx';
import { CopyRecipientsEditor, SpecimensEditor, TreatmentLinesEditor } from './RequisitionRows.tsx';
import { AnalysisSection, DiagnosisFields, PatientSection } from './RequisitionSections.tsx';
import {
  type Draft,
  emptyDraft,
  type FieldErrors,
  fieldId,
  fieldLabel,
  fieldPathsOf,
  lowTumourCells,
  serverFieldErrors,
  toRequest,
  validate,
} from './requisition.ts';
import type { KnownPatient, OrderCheck, PlacedOrder } from './types.ts';

const within = (path: string, prefixes: string[]) =>
  prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/**
 * The requisition form at /orders/new (`?analysis=` preselects one from the catalogue). The browser
 * checks each field as it is typed; the server checks again, and its errors land on the same fields.
 */
export function RequisitionPage() {
  const { o, format, date } = useOrdersText();
  const queryClient = useQueryClient();
  const params = useSearchParams();
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(params.get('analysis') ?? ''));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [generalError, setGeneralError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLElement>(null);

  const nationalId = compactNationalId(draft.nationalId);
  const idCheck = nationalId ? checkNationalId(nationalId) : null;
  const check = useQuery({
    queryKey: ['orders', 'check', nationalId, draft.analysis],
    queryFn: () => api<OrderCheck>('POST', '/api/orders/check', { nationalId, analysis: draft.analysis }),
    enabled: idCheck?.ok === true,
    staleTime: 30_000,
    // Choosing another analysis keeps the patient's answer on screen until the new one is there.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === nationalId ? previous : undefined,
  });
  const checked = idCheck?.ok ? check.data : undefined;
  const checking = check.isFetching && !checked;
  const knownPatient = checked?.knownPatient;
  const patient = useQuery({
    queryKey: ['orders', 'patient', nationalId],
    queryFn: () => api<KnownPatient>('POST', '/api/patients/lookup', { nationalId }),
    enabled: knownPatient === true,
    staleTime: 60_000,
  });
  const analysis = useCatalogue<AnalysisDetail>(
    draft.analysis ? `/api/catalogue/analyses/${encodeURIComponent(draft.analysis)}` : null,
  );
  const detail = analysis.data?.slug === draft.analysis ? analysis.data : undefined;

  const duplicates = checked?.duplicates ?? [];
  const showDuplicate = duplicates.length > 0 || serverErrors.duplicateOverrideReason !== undefined;
  const fieldPaths = fieldPathsOf(draft, {
    newPatient: knownPatient === false,
    duplicateReason: showDuplicate,
  });
  const clientErrors = validate(
    draft,
    {
      knownPatient,
      hasDuplicates: showDuplicate,
      materials: detail?.materials,
    },
    o,
  );
  if (idCheck?.ok && check.error && !clientErrors['patient/nationalId']) {
    clientErrors['patient/nationalId'] =
      check.error instanceof ApiError && check.error.problem.status === 403
        ? o.noCareRelationship
        : problemText(check.error);
  }
  const errors: FieldErrors = { ...clientErrors, ...serverErrors };
  const shown = (path: string) =>
    path in serverErrors ||
    submitted ||
    touched.has(path) ||
    (path === 'patient/nationalId' && (nationalId.length >= 11 || /\D/.test(nationalId)));
  const kit = makeFormKit(
    draft,
    setDraft,
    errors,
    shown,
    (path) => !touched.has(path) && setTouched(new Set([...touched, path])),
    (paths) => {
      if (Object.keys(serverErrors).some((p) => within(p, paths)))
        setServerErrors(Object.fromEntries(Object.entries(serverErrors).filter(([p]) => !within(p, paths))));
    },
  );
  const summary = submitted ? fieldPaths.filter((path) => errors[path] && shown(path)) : [];

  // A failed attempt moves focus to the list of what to correct, so the keyboard user hears it.
  useEffect(() => {
    if (attempt > 0) summaryRef.current?.focus();
  }, [attempt]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setGeneralError(null);
    if (fieldPaths.some((path) => errors[path])) {
      setAttempt(attempt + 1);
      return;
    }
    setBusy(true);
    try {
      const placed = await api<PlacedOrder>('POST', '/api/orders', toRequest(draft, knownPatient));
      await queryClient.invalidateQueries({ queryKey: ['orders'] });
      navigate(`/orders/${placed.id}?placed=1`);
    } catch (error) {
      const fieldErrors = error instanceof ApiError ? (error.problem.errors ?? []) : [];
      if (fieldErrors.length > 0) {
        const placed = serverFieldErrors(fieldErrors, new Set([...fieldPaths, 'duplicateOverrideReason']), o);
        setServerErrors(placed.byField);
        setGeneralError(placed.unplaced.join(' ') || null);
        // A duplicate the check did not show yet: ask again, so the warning lists it.
        if (placed.byField.duplicateOverrideReason)
          await queryClient.invalidateQueries({ queryKey: ['orders', 'check'] });
      } else setGeneralError(error);
      setAttempt(attempt + 1);
    } finally {
      setBusy(false);
    }
  };

  const patientName = patient.data
    ? format(o.patientFound, {
        name: `${patient.data.givenName} ${patient.data.familyName}`,
        birthDate: date(patient.data.birthDate),
      })
    : null;

  return (
    <section>
      <h1 id="new-title">{o.newTitle}</h1>
      <p>{o.newIntro}</p>
      <form onSubmit={submit} noValidate aria-labelledby="new-title" className="requisition">
        {(summary.length > 0 || Boolean(generalError)) && (
          <section ref={summaryRef} tabIndex={-1} className="error-summary" aria-labelledby="summary-title">
            <h2 id="summary-title">{o.fixErrors}</h2>
            <ul>
              {summary.map((path) => (
                <li key={path}>
                  <a
                    href={`#${fieldId(path)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(fieldId(path))?.focus();
                    }}
                  >
                    {fieldLabel(path, o, format)}: {errors[path]}
                  </a>
                </li>
              ))}
            </ul>
            <ErrorAlert error={generalError} />
          </section>
        )}

        <PatientSection
          kit={kit}
          idCheck={idCheck}
          knownPatient={knownPatient}
          patientName={patientName}
          checking={checking}
        />
        <AnalysisSection kit={kit} detail={detail} />
        {knownPatient && checked && <PatientHistory history={checked.history} />}
        {showDuplicate && <DuplicateWarning kit={kit} duplicates={duplicates} />}

        <section aria-labelledby="clinical-title" className="form-section">
          <h2 id="clinical-title">{o.clinicalSection}</h2>
          <DiagnosisFields kit={kit} />
          <Field kit={kit} path="clinical/question" label={o.question} hint={o.questionHint} required>
            {(props) => (
              <textarea
                {...props}
                rows={3}
                value={draft.question}
                onChange={(e) => kit.update({ question: e.target.value }, ['clinical/question'])}
              />
            )}
          </Field>
          <TreatmentLinesEditor kit={kit} />
          <Field
            kit={kit}
            path="clinical/metastaticSites"
            label={o.metastaticSites}
            hint={o.metastaticSitesHint}
          >
            {(props) => (
              <input
                {...props}
                value={draft.metastaticSites}
                onChange={(e) =>
                  kit.update({ metastaticSites: e.target.value }, ['clinical/metastaticSites'])
                }
              />
            )}
          </Field>
          <Field kit={kit} path="clinical/earlierMolecularResults" label={o.earlierResults}>
            {(props) => (
              <textarea
                {...props}
                rows={2}
                value={draft.earlierMolecularResults}
                onChange={(e) =>
                  kit.update({ earlierMolecularResults: e.target.value }, [
                    'clinical/earlierMolecularResults',
                  ])
                }
              />
            )}
          </Field>
        </section>

        <section aria-labelledby="specimens-title" className="form-section">
          <h2 id="specimens-title">{o.specimensSection}</h2>
          <SpecimensEditor
            kit={kit}
            lowTumourCells={lowTumourCells(draft, detail?.min_tumour_cell_percent)}
            minTumourCellPercent={detail?.min_tumour_cell_percent}
          />
        </section>

        <section aria-labelledby="order-title" className="form-section">
          <h2 id="order-title">{o.orderSection}</h2>
          <RadioGroup
            kit={kit}
            path="priority"
            legend={o.priority}
            value={draft.priority}
            options={['routine', 'urgent'].map((p) => ({ value: p, label: o.priorities[p] ?? p }))}
            onChange={(value) => kit.update({ priority: value as Draft['priority'] }, ['priority'])}
          />
          <CopyRecipientsEditor kit={kit} />
        </section>

        <section aria-labelledby="consent-title" className="form-section">
          <h2 id="consent-title">{o.consentSection}</h2>
          <p>{o.legalBasisCare}</p>
          <RadioGroup
            kit={kit}
            path="researchConsent"
            legend={o.researchConsent}
            value={draft.researchConsent}
            options={[
              { value: 'yes', label: o.yes },
              { value: 'no', label: o.no },
            ]}
            onChange={(value) =>
              kit.update({ researchConsent: value as Draft['researchConsent'] }, ['researchConsent'])
            }
            required
          />
        </section>

        <p>
          {/* Until genvei knows whether the patient is new, it cannot know which fields are required. */}
          <button type="submit" disabled={busy || checking}>
            {busy ? o.submitting : o.submit}
          </button>
        </p>
      </form>
    </section>
  );
}
