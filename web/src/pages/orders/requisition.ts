import type { OrdersDictionary } from '../../i18nOrders.ts';
import { checkNationalId, compactNationalId } from './nationalId.ts';
import { MATERIAL_OF, type SpecimenKind } from './types.ts';

/**
 * The requisition form's state and its checks, apart from the page: what the user typed, which
 * fields are wrong and why, and the request body the server's `newOrderSchema` expects. Field
 * paths are the server's (`clinical/question`, `specimens/0/kind`), so its errors land on the same
 * fields as the browser's own.
 */
export type TreatmentLineRow = {
  key: number;
  line: string;
  regimen: string;
  start: string;
  end: string;
  response: string;
};
export type SpecimenRow = {
  key: number;
  kind: SpecimenKind;
  blockId: string;
  collectionDate: string;
  site: string;
  tumourCellPercent: string;
};
export type RecipientRow = { key: number; name: string; hprNumber: string };

export type Draft = {
  nationalId: string;
  givenName: string;
  familyName: string;
  sex: string;
  analysis: string;
  oncotree: string;
  icd10: string;
  diagnosisText: string;
  question: string;
  treatmentLines: TreatmentLineRow[];
  metastaticSites: string;
  earlierMolecularResults: string;
  specimens: SpecimenRow[];
  priority: 'routine' | 'urgent';
  copyRecipients: RecipientRow[];
  researchConsent: '' | 'yes' | 'no';
  duplicateOverrideReason: string;
};

let lastKey = 0;
/** Rows keep their identity while others are added and removed around them. */
export const rowKey = () => ++lastKey;

export const emptySpecimen = (): SpecimenRow => ({
  key: rowKey(),
  kind: 'ffpe-block',
  blockId: '',
  collectionDate: '',
  site: '',
  tumourCellPercent: '',
});

export const emptyDraft = (analysis = ''): Draft => ({
  nationalId: '',
  givenName: '',
  familyName: '',
  sex: '',
  analysis,
  oncotree: '',
  icd10: '',
  diagnosisText: '',
  question: '',
  treatmentLines: [],
  metastaticSites: '',
  earlierMolecularResults: '',
  specimens: [emptySpecimen()],
  priority: 'routine',
  copyRecipients: [],
  researchConsent: '',
  duplicateOverrideReason: '',
});

/** The id of the control that holds a field, for labels, error links and focus. */
export const fieldId = (path: string) => `order-${path.replaceAll('/', '-')}`;

/** What the checks need to know besides the draft: answers from the server about patient and analysis. */
export type Context = {
  knownPatient: boolean | undefined;
  hasDuplicates: boolean;
  materials: string[] | undefined;
};

export type FieldErrors = Record<string, string>;

const ICD10 = /^[A-Z]\d{2}(\.\d{1,2})?$/;
const HPR = /^\d{1,9}$/;
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
const isWholeNumber = (value: string) => /^\d+$/.test(value.trim());

export const splitList = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

/** Every field that is wrong now, by path, with the reason in the reader's language. */
export function validate(draft: Draft, context: Context, o: OrdersDictionary): FieldErrors {
  const errors: FieldErrors = {};
  const required = (path: string, value: string) => {
    if (!value.trim()) errors[path] = o.errors.required;
  };

  const nationalId = compactNationalId(draft.nationalId);
  if (!nationalId) errors['patient/nationalId'] = o.errors.required;
  else {
    const checked = checkNationalId(nationalId);
    if (!checked.ok) errors['patient/nationalId'] = o.nationalIdRules[checked.rule] ?? checked.rule;
  }
  if (context.knownPatient === false) {
    required('patient/givenName', draft.givenName);
    required('patient/familyName', draft.familyName);
    required('patient/sex', draft.sex);
  }

  required('analysis', draft.analysis);
  required('clinical/diagnosis/oncotree', draft.oncotree);
  if (draft.icd10.trim() && !ICD10.test(draft.icd10.trim().toUpperCase()))
    errors['clinical/diagnosis/icd10'] = o.errors.icd10;
  required('clinical/question', draft.question);

  draft.treatmentLines.forEach((row, index) => {
    const at = `clinical/treatmentLines/${index}`;
    if (!isWholeNumber(row.line) || Number(row.line) < 1) errors[`${at}/line`] = o.errors.lineNumber;
    required(`${at}/regimen`, row.regimen);
    if (!row.start) errors[`${at}/start`] = o.errors.required;
    else if (!isDate(row.start)) errors[`${at}/start`] = o.errors.date;
    if (row.end && !isDate(row.end)) errors[`${at}/end`] = o.errors.date;
    else if (row.end && row.start && row.end < row.start) errors[`${at}/end`] = o.errors.endBeforeStart;
  });

  draft.specimens.forEach((row, index) => {
    const at = `specimens/${index}`;
    if (context.materials && !context.materials.includes(MATERIAL_OF[row.kind]))
      errors[`${at}/kind`] = o.errors.materialNotAccepted;
    if (!row.collectionDate) errors[`${at}/collectionDate`] = o.errors.required;
    else if (!isDate(row.collectionDate)) errors[`${at}/collectionDate`] = o.errors.date;
    required(`${at}/site`, row.site);
    const percent = row.tumourCellPercent.trim();
    if (percent && (!isWholeNumber(percent) || Number(percent) > 100))
      errors[`${at}/tumourCellPercent`] = o.errors.percent;
  });

  draft.copyRecipients.forEach((row, index) => {
    const at = `copyRecipients/${index}`;
    required(`${at}/name`, row.name);
    if (row.hprNumber.trim() && !HPR.test(row.hprNumber.trim())) errors[`${at}/hprNumber`] = o.errors.hpr;
  });

  if (!draft.researchConsent) errors.researchConsent = o.errors.choose;
  if (context.hasDuplicates) required('duplicateOverrideReason', draft.duplicateOverrideReason);
  return errors;
}

/** The paths of the fields the form shows now, in the order they appear. */
export function fieldPathsOf(
  draft: Draft,
  show: { newPatient: boolean; duplicateReason: boolean },
): string[] {
  return [
    'patient/nationalId',
    ...(show.newPatient ? ['patient/givenName', 'patient/familyName', 'patient/sex'] : []),
    'analysis',
    ...(show.duplicateReason ? ['duplicateOverrideReason'] : []),
    'clinical/diagnosis/oncotree',
    'clinical/diagnosis/icd10',
    'clinical/diagnosis/text',
    'clinical/question',
    ...draft.treatmentLines.flatMap((_, i) =>
      ['line', 'regimen', 'start', 'end', 'response'].map((f) => `clinical/treatmentLines/${i}/${f}`),
    ),
    'clinical/metastaticSites',
    'clinical/earlierMolecularResults',
    ...draft.specimens.flatMap((_, i) =>
      ['kind', 'blockId', 'collectionDate', 'site', 'tumourCellPercent'].map((f) => `specimens/${i}/${f}`),
    ),
    'priority',
    ...draft.copyRecipients.flatMap((_, i) => [`copyRecipients/${i}/name`, `copyRecipients/${i}/hprNumber`]),
    'researchConsent',
  ];
}

/** A field's name as the error summary says it: `Prøve 2: Prøvested`. */
export function fieldLabel(
  path: string,
  o: OrdersDictionary,
  format: (text: string, values: Record<string, string | number>) => string,
): string {
  const labels: Record<string, string> = {
    'patient/nationalId': o.nationalId,
    'patient/givenName': o.givenName,
    'patient/familyName': o.familyName,
    'patient/sex': o.sex,
    analysis: o.analysis,
    duplicateOverrideReason: o.duplicateReason,
    'clinical/diagnosis/oncotree': o.oncotree,
    'clinical/diagnosis/icd10': o.icd10,
    'clinical/diagnosis/text': o.diagnosisText,
    'clinical/question': o.question,
    'clinical/metastaticSites': o.metastaticSites,
    'clinical/earlierMolecularResults': o.earlierResults,
    priority: o.priority,
    researchConsent: o.researchConsent,
  };
  if (labels[path]) return labels[path].replace(/[?:]$/, '');
  const row = /^(clinical\/treatmentLines|specimens|copyRecipients)\/(\d+)\/(\w+)$/.exec(path);
  if (!row) return path;
  const [, list, index, field] = row as unknown as [string, string, string, string];
  const n = Number(index) + 1;
  const fields: Record<string, string> = {
    line: o.line,
    regimen: o.regimen,
    start: o.start,
    end: o.end,
    response: o.response,
    kind: o.specimenKind,
    blockId: o.blockId,
    collectionDate: o.collectionDate,
    site: o.site,
    tumourCellPercent: o.tumourCellPercent,
    name: o.recipientName,
    hprNumber: o.hprNumber,
  };
  const group =
    list === 'specimens'
      ? format(o.specimenTitle, { n })
      : format(o.rowLabel, { field: list === 'copyRecipients' ? o.copyRecipients : o.line, n });
  return `${group}: ${fields[field] ?? field}`;
}

/** Specimens whose tumour cell content is under the analysis' minimum: a warning, not an error. */
export function lowTumourCells(draft: Draft, minimum: number | null | undefined): Set<number> {
  const low = new Set<number>();
  if (minimum === null || minimum === undefined) return low;
  for (const row of draft.specimens) {
    const percent = row.tumourCellPercent.trim();
    if (isWholeNumber(percent) && Number(percent) < minimum) low.add(row.key);
  }
  return low;
}

const orNull = (value: string) => value.trim() || null;

/** The request body for `POST /api/orders`, from a draft that passed `validate`. */
export function toRequest(draft: Draft, knownPatient: boolean | undefined) {
  const newPatient = knownPatient === false;
  return {
    patient: {
      nationalId: compactNationalId(draft.nationalId),
      ...(newPatient
        ? { givenName: draft.givenName.trim(), familyName: draft.familyName.trim(), sex: draft.sex }
        : {}),
    },
    analysis: draft.analysis,
    clinical: {
      diagnosis: {
        oncotree: draft.oncotree.trim().toUpperCase(),
        icd10: orNull(draft.icd10.toUpperCase()),
        text: orNull(draft.diagnosisText),
      },
      question: draft.question.trim(),
      treatmentLines: draft.treatmentLines.map((row) => ({
        line: Number(row.line),
        regimen: row.regimen.trim(),
        start: row.start,
        end: row.end || null,
        response: row.response,
      })),
      metastaticSites: splitList(draft.metastaticSites),
      earlierMolecularResults: orNull(draft.earlierMolecularResults),
    },
    specimens: draft.specimens.map((row) => ({
      kind: row.kind,
      blockId: orNull(row.blockId),
      collectionDate: row.collectionDate,
      site: row.site.trim(),
      tumourCellPercent: row.tumourCellPercent.trim() ? Number(row.tumourCellPercent) : null,
    })),
    priority: draft.priority,
    copyRecipients: draft.copyRecipients.map((row) => ({
      name: row.name.trim(),
      hprNumber: orNull(row.hprNumber),
    })),
    researchConsent: draft.researchConsent === 'yes',
    duplicateOverrideReason: orNull(draft.duplicateOverrideReason),
  };
}

/**
 * The server's field errors on the form's fields: `/body/clinical/metastaticSites/2` belongs to the
 * metastatic-sites field, so a path falls back to its nearest parent the form has a field for.
 * Known rules are said in the reader's language; others as the server words them.
 */
export function serverFieldErrors(
  errors: { path: string; rule: string; message: string }[],
  fields: ReadonlySet<string>,
  o: OrdersDictionary,
): { byField: FieldErrors; unplaced: string[] } {
  const byField: FieldErrors = {};
  const unplaced: string[] = [];
  for (const error of errors) {
    const text = serverRuleText(error, o);
    let path = error.path.replace(/^\/body\/?/, '');
    while (path && !fields.has(path)) path = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    if (path) byField[path] = byField[path] ? `${byField[path]} ${text}` : text;
    else unplaced.push(text);
  }
  return { byField, unplaced };
}

function serverRuleText(error: { path: string; rule: string; message: string }, o: OrdersDictionary): string {
  if (error.path === '/body/patient/nationalId' && o.nationalIdRules[error.rule])
    return o.nationalIdRules[error.rule] as string;
  if (error.path === '/body/clinical/diagnosis/oncotree' && error.rule === 'unknown')
    return o.errors.unknownOncotree;
  if (error.path === '/body/analysis' && error.rule === 'unknown') return o.errors.unknownAnalysis;
  if (error.path === '/body/analysis' && error.rule === 'not-active') return o.errors.analysisNotActive;
  return o.serverRules[error.rule] ?? error.message;
}
