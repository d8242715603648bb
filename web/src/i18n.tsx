import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import type { AccessRefusalCode } from '../../src/modules/access/refusals.ts';
import { accessRefusalText } from './accessRefusals.ts';
import { catalogueEn, catalogueNb } from './i18nCatalogue.ts';
import { genomicsEn, genomicsNb } from './i18nGenomics.ts';
import { interpretationEn, interpretationNb } from './i18nInterpretation.ts';
import { ordersEn, ordersNb } from './i18nOrders.ts';
import { reportingEn, reportingNb } from './i18nReporting.ts';
import { setProblemWording } from './problemText.ts';
import { fillTemplate } from './templates.ts';

/** Norwegian bokmål first, English second; every visible string lives here in both. */
const nb = {
  appTagline: 'Presisjonsdiagnostikk',
  skipToContent: 'Hopp til innhold',
  language: 'Språk',
  signIn: 'Logg inn',
  signInWith: 'Logg inn med {name}',
  signOut: 'Logg ut',
  username: 'Brukernavn',
  password: 'Passord',
  or: 'eller',
  signInTitle: 'Logg inn i genvei',
  loginErrors: {
    'login-failed': 'Feil brukernavn eller passord.',
    'account-locked': 'Kontoen er midlertidig låst etter for mange mislykkede forsøk. Prøv igjen senere.',
    provider: 'Identitetsleverandøren avviste innloggingen.',
    state: 'Innloggingen kom ikke fra denne nettleseren. Prøv igjen.',
    expired: 'Innloggingen tok for lang tid. Prøv igjen.',
    exchange: 'Kunne ikke fullføre innloggingen hos identitetsleverandøren.',
    'no-account': 'Du har ingen genvei-konto. Kontakt administrator.',
  } as Record<string, string>,
  /** A refusal by the access rules (HTTP 403), worded from its reason code (ACCESS_REFUSALS). */
  accessRefused: 'Ingen tilgang: {reason}.',
  accessRefusals: {
    'not-signed-in': 'du er ikke logget inn',
    'no-purpose': 'du har ikke oppgitt formålet med tilgangen',
    'no-rule': 'ingen regel gir tilgang til å {action} {resource}',
    'no-role': 'du har ingen rolle som kan {action} {resource}',
    'role-may-not': 'rollen {role} kan ikke {action} {resource}',
    'purpose-not-permitted': 'formålet {purpose} gir ikke denne tilgangen (tillatte formål: {permitted})',
    'own-record-only': 'du kan bare se dine egne opplysninger',
    'own-organisation-only': 'du kan bare endre det din egen virksomhet eier',
    'trust-does-not-perform': 'helseforetaket ditt utfører ikke denne rekvisisjonen',
    'no-care-or-performing':
      'helseforetaket ditt verken har behandlingsrelasjon til pasienten eller utfører rekvisisjonen',
    'no-care-relationship': 'helseforetaket ditt har ingen behandlingsrelasjon til pasienten',
    'no-membership': 'du har ikke rollen {role} i den virksomheten',
    'not-party-to-conflict': 'bare de to laboratoriene i konflikten kan løse den',
    'lab-required': 'velg et laboratorium å opptre i for å se dets konflikter',
  } satisfies Record<AccessRefusalCode, string> as Record<string, string>,
  /** The verbs and objects of a refusal: "kan ikke {action} {resource}". */
  accessActions: {
    read: 'lese',
    search: 'søke i',
    create: 'opprette',
    update: 'endre',
    verify: 'verifisere',
    approve: 'godkjenne',
    publish: 'publisere',
    process: 'behandle',
    cancel: 'kansellere',
  } as Record<string, string>,
  accessResources: {
    patient: 'pasientopplysninger',
    'patient-access-log': 'pasientens innsynslogg',
    'audit-log': 'tilgangsloggen',
    organisation: 'virksomheter',
    user: 'brukere',
    session: 'økten',
    lab: 'laboratorier',
    analysis: 'analyser',
    'gene-panel': 'genpaneler',
    'gene-list': 'genlister',
    order: 'rekvisisjoner',
    'order-worklist': 'arbeidslisten',
    'sequencing-data': 'sekvenseringsdata',
    'ingest-job': 'innlesingsjobber',
    'interpretation-case': 'tolkningssaker',
    knowledge: 'kunnskapsbasen',
    report: 'svarrapporter',
  } as Record<string, string>,
  organisation: 'Virksomhet',
  role: 'Rolle',
  purpose: 'Formål',
  purposes: {
    care: 'Helsehjelp',
    'quality-assurance': 'Kvalitetssikring',
    research: 'Forskning',
    administration: 'Administrasjon',
  } as Record<string, string>,
  roles: {
    requester: 'Rekvirent',
    pathologist: 'Patolog',
    'lab-scientist': 'Bioingeniør / molekylærbiolog',
    bioinformatician: 'Bioinformatiker',
    'medical-geneticist': 'Medisinsk genetiker',
    'board-coordinator': 'MDT-koordinator',
    curator: 'Kurator',
    'privacy-officer': 'Personvernombud',
    researcher: 'Forsker',
    admin: 'Administrator',
  } as Record<string, string>,
  nav: {
    home: 'Oversikt',
    patients: 'Pasienter',
    catalogue: 'Analysekatalog',
    orders: 'Rekvisisjoner',
    genomics: 'Genomiske data',
    knowledge: 'Kunnskapsbase',
    interpretation: 'Tolkning',
    reporting: 'Svarrapporter',
    mdt: 'Molekylært tumorboard',
    trials: 'Kliniske studier',
    register: 'Variantregister',
    audit: 'Tilgangslogg',
  } as Record<string, string>,
  welcome: 'Velkommen, {name}',
  actingAs: 'Du arbeider som {role} i {organisation}, med formål {purpose}.',
  planned: 'Denne delen av genvei er under arbeid.',
  plannedIssue: 'Se sak #{issue}.',
  patientLookup: 'Finn pasient',
  nationalId: 'Fødselsnummer eller D-nummer',
  find: 'Søk',
  birthDate: 'Fødselsdato',
  careAt: 'Behandlingsrelasjon',
  synthetic: 'Syntetisk testperson',
  auditTitle: 'Tilgangslogg',
  auditIntro: 'Søk i revisjonsloggen etter pasient, bruker og tidsrom. Hvert søk logges.',
  from: 'Fra',
  to: 'Til',
  search: 'Søk',
  verifyChain: 'Kontroller hasjkjeden',
  chainOk: 'Loggen er intakt: {n} oppføringer kontrollert.',
  chainBroken: 'Loggen er endret! Første feil ved oppføring {seq}: {problem}',
  when: 'Tidspunkt',
  who: 'Hvem',
  action: 'Handling',
  resource: 'Ressurs',
  outcome: 'Utfall',
  reason: 'Begrunnelse',
  allow: 'tillatt',
  deny: 'avvist',
  noEntries: 'Ingen oppføringer.',
  myAccessLog: 'Hvem har sett mine opplysninger',
  loading: 'Laster …',
  catalogue: catalogueNb,
  orders: ordersNb,
  genomics: genomicsNb,
  interpretation: interpretationNb,
  reporting: reportingNb,
};

type Dictionary = typeof nb;

const en: Dictionary = {
  appTagline: 'Precision diagnostics',
  skipToContent: 'Skip to content',
  language: 'Language',
  signIn: 'Sign in',
  signInWith: 'Sign in with {name}',
  signOut: 'Sign out',
  username: 'Username',
  password: 'Password',
  or: 'or',
  signInTitle: 'Sign in to genvei',
  loginErrors: {
    'login-failed': 'Wrong username or password.',
    'account-locked': 'The account is locked for a while after too many failed attempts. Try again later.',
    provider: 'The identity provider refused the sign-in.',
    state: 'The sign-in did not start in this browser. Please try again.',
    expired: 'The sign-in took too long. Please try again.',
    exchange: 'Could not complete the sign-in with the identity provider.',
    'no-account': 'You have no genvei account. Contact your administrator.',
  },
  accessRefused: 'Access refused: {reason}.',
  accessRefusals: {
    'not-signed-in': 'you are not signed in',
    'no-purpose': 'you have not given the purpose of access',
    'no-rule': 'no rule lets anyone {action} {resource}',
    'no-role': 'you have no role that may {action} {resource}',
    'role-may-not': 'the role {role} may not {action} {resource}',
    'purpose-not-permitted': 'the purpose {purpose} does not permit this (permitted: {permitted})',
    'own-record-only': 'you may only see your own record',
    'own-organisation-only': 'you may only change what your own organisation owns',
    'trust-does-not-perform': 'your health trust does not perform this order',
    'no-care-or-performing': 'your health trust neither cares for the patient nor performs the order',
    'no-care-relationship': 'your health trust has no care relationship to the patient',
    'no-membership': 'you do not have the role {role} in that organisation',
    'not-party-to-conflict': 'only the two labs in the conflict can resolve it',
    'lab-required': 'choose a lab to act in to see its conflicts',
  },
  accessActions: {
    read: 'read',
    search: 'search',
    create: 'create',
    update: 'change',
    verify: 'verify',
    approve: 'approve',
    publish: 'publish',
    process: 'process',
    cancel: 'cancel',
  },
  accessResources: {
    patient: 'patient records',
    'patient-access-log': "the patient's access log",
    'audit-log': 'the audit log',
    organisation: 'organisations',
    user: 'users',
    session: 'the session',
    lab: 'labs',
    analysis: 'analyses',
    'gene-panel': 'gene panels',
    'gene-list': 'gene lists',
    order: 'orders',
    'order-worklist': 'the work list',
    'sequencing-data': 'sequencing data',
    'ingest-job': 'ingest jobs',
    'interpretation-case': 'interpretation cases',
    knowledge: 'the knowledge base',
    report: 'reports',
  },
  organisation: 'Organisation',
  role: 'Role',
  purpose: 'Purpose',
  purposes: {
    care: 'Care',
    'quality-assurance': 'Quality assurance',
    research: 'Research',
    administration: 'Administration',
  },
  roles: {
    requester: 'Requester',
    pathologist: 'Pathologist',
    'lab-scientist': 'Lab scientist',
    bioinformatician: 'Bioinformatician',
    'medical-geneticist': 'Medical geneticist',
    'board-coordinator': 'Tumour board coordinator',
    curator: 'Curator',
    'privacy-officer': 'Privacy officer',
    researcher: 'Researcher',
    admin: 'Administrator',
  },
  nav: {
    home: 'Overview',
    patients: 'Patients',
    catalogue: 'Analysis catalogue',
    orders: 'Requisitions',
    genomics: 'Genomic data',
    knowledge: 'Knowledge base',
    interpretation: 'Interpretation',
    reporting: 'Reports',
    mdt: 'Molecular tumour board',
    trials: 'Clinical trials',
    register: 'Variant register',
    audit: 'Access log',
  },
  welcome: 'Welcome, {name}',
  actingAs: 'You are working as {role} in {organisation}, for the purpose of {purpose}.',
  planned: 'This part of genvei is being built.',
  plannedIssue: 'See issue #{issue}.',
  patientLookup: 'Find patient',
  nationalId: 'National identity number or D-number',
  find: 'Find',
  birthDate: 'Date of birth',
  careAt: 'Care relationship',
  synthetic: 'Synthetic test person',
  auditTitle: 'Access log',
  auditIntro: 'Search the audit log by patient, user and time. Every search is itself logged.',
  from: 'From',
  to: 'To',
  search: 'Search',
  verifyChain: 'Verify the hash chain',
  chainOk: 'The log is intact: {n} entries verified.',
  chainBroken: 'The log has been altered! First bad entry {seq}: {problem}',
  when: 'Time',
  who: 'Who',
  action: 'Action',
  resource: 'Resource',
  outcome: 'Outcome',
  reason: 'Reason',
  allow: 'allowed',
  deny: 'refused',
  noEntries: 'No entries.',
  myAccessLog: 'Who has seen my data',
  loading: 'Loading …',
  catalogue: catalogueEn,
  orders: ordersEn,
  genomics: genomicsEn,
  interpretation: interpretationEn,
  reporting: reportingEn,
};

export type Language = 'nb' | 'en';
export const dictionaries: Record<Language, Dictionary> = { nb, en };

type I18n = {
  lang: Language;
  setLang(lang: Language): void;
  t: Dictionary;
  format(text: string, values: Record<string, string | number>): string;
};

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Language>(() =>
    localStorage.getItem('genvei.lang') === 'en' ? 'en' : 'nb',
  );
  useEffect(() => {
    localStorage.setItem('genvei.lang', lang);
    document.documentElement.lang = lang;
  }, [lang]);
  const format = fillTemplate;
  // Every page's problemText words access refusals in the language of this render.
  setProblemWording((problem) => accessRefusalText(problem, dictionaries[lang], format));
  return (
    <I18nContext.Provider value={{ lang, setLang, t: dictionaries[lang], format }}>
      {children}
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <fieldset className="language">
      <legend className="sr-only">{t.language}</legend>
      {(['nb', 'en'] as const).map((l) => (
        <button key={l} type="button" aria-pressed={lang === l} onClick={() => setLang(l)}>
          {l === 'nb' ? 'Norsk' : 'English'}
        </button>
      ))}
    </fieldset>
  );
}
