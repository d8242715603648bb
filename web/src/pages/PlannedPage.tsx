import { useI18n } from '../i18n.tsx';

export function PlannedPage({ title, issue }: { title: string; issue?: number }) {
  const { t, format } = useI18n();
  return (
    <section>
      <h1>{title}</h1>
      <p>
        {t.planned} {issue ? format(t.plannedIssue, { issue }) : null}
      </p>
    </section>
  );
}
