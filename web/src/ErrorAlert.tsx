import { useI18n } from './i18n.tsx';
import { problemText } from './problemText.ts';

export { problemText, setProblemWording } from './problemText.ts';

/**
 * How any page shows a failed request, announced to screen readers. Given the error itself (not
 * its text) it words it at each render, so switching language re-words an error already shown;
 * a string is shown as it is.
 */
export function ErrorAlert({ error }: { error: unknown }) {
  // Read so that a language switch renders this again.
  useI18n();
  if (error === null || error === undefined || error === '') return null;
  return (
    <p role="alert" className="error">
      {typeof error === 'string' ? error : problemText(error)}
    </p>
  );
}
