import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { catalogueEn, catalogueNb } from './i18nCatalogue.ts';
import { genomicsEn, genomicsNb } from './i18nGenomics.ts';
import { interpretationEn, interpretationNb } from './i18nInterpretation.ts';
import { ordersEn, ordersNb } from './i18nOrders.ts';
import { reportingEn, reportingNb } from './i18nReporting.ts';

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
const dictionaries: Record<Language, Dictionary> = { nb, en };

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
  const format = (text: string, values: Record<string, string | number>) =>
    text.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ''));
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
