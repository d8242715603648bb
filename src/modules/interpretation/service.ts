/** What other modules (reporting) use of interpretation: a case's rows, decisions and panel. */
export { caseRows, latestDecisions, panelSnapshot } from './store.ts';
