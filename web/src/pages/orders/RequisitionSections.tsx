import { useDeferredValue, useState } from 'react';
import { Link, withQuery } from '../../router.tsx';
import { useCatalogue, useCatalogueText } from '../catalogue/common.tsx';
import type { AnalysisDetail, CancerTypeSummary, SearchResult } from '../catalogue/types.ts';
import { useOrdersText } from './common.tsx';
import { Field, type FormKit } from './fields.tsx';
import type { NationalIdCheck } from './nationalId.ts';
import { SEXES } from './types.ts';

/** Who the requisition is for: the number checked as it is typed, and name and sex for a new patient. */
export function PatientSection({
  kit,
  idCheck,
  knownPatient,
  patientName,
  checking,
}: {
  kit: FormKit;
  idCheck: NationalIdCheck | null;
  knownPatient: boolean | undefined;
  patientName: string | null;
  checking: boolean;
}) {
  const { o } = useOrdersText();
  const statusId = 'patient-status';
  let status: string | null = null;
  if (idCheck?.ok && !kit.error('patient/nationalId')) {
    if (patientName) status = patientName;
    else if (checking) status = o.historyLoading;
    else status = idCheck.synthetic ? o.nationalIdSynthetic : o.nationalIdOk;
  }
  return (
    <section aria-labelledby="patient-title" className="form-section">
      <h2 id="patient-title">{o.patientSection}</h2>
      <Field
        kit={kit}
        path="patient/nationalId"
        label={o.nationalId}
        hint={o.nationalIdHint}
        required
        after={{
          id: statusId,
          node: (
            <p id={statusId} role="status" className="ok field-status" data-testid="patient-status">
              {status}
            </p>
          ),
        }}
      >
        {(props) => (
          <input
            {...props}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            size={14}
            value={kit.draft.nationalId}
            onChange={(e) => kit.update({ nationalId: e.target.value }, ['patient'])}
          />
        )}
      </Field>
      {knownPatient === false && (
        <>
          <p className="note">{o.newPatient}</p>
          <div className="field-row">
            <Field kit={kit} path="patient/givenName" label={o.givenName} required>
              {(props) => (
                <input
                  {...props}
                  autoComplete="off"
                  value={kit.draft.givenName}
                  onChange={(e) => kit.update({ givenName: e.target.value }, ['patient/givenName'])}
                />
              )}
            </Field>
            <Field kit={kit} path="patient/familyName" label={o.familyName} required>
              {(props) => (
                <input
                  {...props}
                  autoComplete="off"
                  value={kit.draft.familyName}
                  onChange={(e) => kit.update({ familyName: e.target.value }, ['patient/familyName'])}
                />
              )}
            </Field>
            <Field kit={kit} path="patient/sex" label={o.sex} required>
              {(props) => (
                <select
                  {...props}
                  value={kit.draft.sex}
                  onChange={(e) => kit.update({ sex: e.target.value }, ['patient/sex'])}
                >
                  <option value="">{o.choose}</option>
                  {SEXES.map((s) => (
                    <option key={s} value={s}>
                      {o.sexes[s]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </>
      )}
    </section>
  );
}

/** The analysis, chosen from the catalogue: a search narrows the list, the choice shows what it needs. */
export function AnalysisSection({ kit, detail }: { kit: FormKit; detail: AnalysisDetail | undefined }) {
  const { o, format } = useOrdersText();
  const { c, materials } = useCatalogueText();
  const [filter, setFilter] = useState('');
  const query = useDeferredValue(filter.trim());
  const search = useCatalogue<SearchResult>(withQuery('/api/catalogue/search', { q: query }));
  const found = search.data?.analyses ?? [];
  const selected = kit.draft.analysis;
  const options = found.map((a) => ({
    slug: a.slug,
    label: format(o.analysisOption, { name: a.name, lab: a.lab.name }),
  }));
  if (selected && detail && !found.some((a) => a.slug === selected))
    options.unshift({
      slug: selected,
      label: format(o.analysisOption, { name: detail.name, lab: detail.lab?.name ?? '' }),
    });

  return (
    <section aria-labelledby="analysis-title" className="form-section">
      <h2 id="analysis-title">{o.analysisSection}</h2>
      <div className="field-row">
        <div className="field">
          <label htmlFor="analysis-filter">{o.analysisFilter}</label>
          <input
            id="analysis-filter"
            type="search"
            value={filter}
            aria-describedby="analysis-filter-hint"
            onChange={(e) => setFilter(e.target.value)}
            // The filter narrows the list as one types; Enter here is not "send the requisition".
            onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
          />
          <span id="analysis-filter-hint" className="hint">
            {o.analysisFilterHint}
          </span>
        </div>
        <Field kit={kit} path="analysis" label={o.analysis} required className="wide">
          {(props) => (
            <select
              {...props}
              value={selected}
              onChange={(e) => kit.update({ analysis: e.target.value }, ['analysis', 'specimens'])}
            >
              <option value="">{o.choose}</option>
              {options.map((a) => (
                <option key={a.slug} value={a.slug}>
                  {a.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {detail && detail.slug === selected && (
        <p className="note" data-testid="analysis-facts">
          {format(o.analysisFacts, {
            lab: detail.lab?.name ?? o.notGiven,
            materials: materials(detail.materials) || o.notGiven,
            days: detail.turnaround_days ? format(c.days, { n: detail.turnaround_days }) : o.notGiven,
          })}{' '}
          {detail.min_tumour_cell_percent !== null &&
            format(o.analysisMinTumour, { n: detail.min_tumour_cell_percent })}{' '}
          <Link href={`/catalogue/analyses/${encodeURIComponent(detail.slug)}`}>{o.analysisInCatalogue}</Link>
        </p>
      )}
    </section>
  );
}

/** The diagnosis: an OncoTree code picked from the catalogue's list as one types, and ICD-10 as given. */
export function DiagnosisFields({ kit }: { kit: FormKit }) {
  const { o, format } = useOrdersText();
  const code = kit.draft.oncotree.trim();
  const query = useDeferredValue(code);
  const cancerTypes = useCatalogue<{ cancerTypes: CancerTypeSummary[] }>(
    query ? withQuery('/api/catalogue/cancer-types', { q: query, limit: '20' }) : null,
  );
  const list = cancerTypes.data?.cancerTypes ?? [];
  const match = list.find((ct) => ct.code === code.toUpperCase());
  const matchId = 'oncotree-match';
  return (
    <div className="field-row">
      <Field
        kit={kit}
        path="clinical/diagnosis/oncotree"
        label={o.oncotree}
        hint={o.oncotreeHint}
        required
        after={{
          id: matchId,
          node: (
            <p id={matchId} className="field-status" data-testid="oncotree-match">
              {match && format(o.oncotreeMatch, { code: match.code, name: match.name })}
            </p>
          ),
        }}
      >
        {(props) => (
          <>
            <input
              {...props}
              list="oncotree-options"
              autoComplete="off"
              spellCheck={false}
              value={kit.draft.oncotree}
              onChange={(e) => kit.update({ oncotree: e.target.value }, ['clinical/diagnosis/oncotree'])}
            />
            <datalist id="oncotree-options">
              {list.map((ct) => (
                <option key={ct.code} value={ct.code}>
                  {ct.name}
                </option>
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field kit={kit} path="clinical/diagnosis/icd10" label={o.icd10} hint={o.icd10Hint} className="narrow">
        {(props) => (
          <input
            {...props}
            size={8}
            spellCheck={false}
            autoCapitalize="characters"
            value={kit.draft.icd10}
            onChange={(e) => kit.update({ icd10: e.target.value }, ['clinical/diagnosis/icd10'])}
          />
        )}
      </Field>
      <Field kit={kit} path="clinical/diagnosis/text" label={o.diagnosisText} className="wide">
        {(props) => (
          <input
            {...props}
            value={kit.draft.diagnosisText}
            onChange={(e) => kit.update({ diagnosisText: e.target.value }, ['clinical/diagnosis/text'])}
          />
        )}
      </Field>
    </div>
  );
}
