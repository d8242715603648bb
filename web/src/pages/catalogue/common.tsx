import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api } from '../../api.ts';
import { formatDate } from '../../dates.ts';
import { ErrorAlert, problemText } from '../../ErrorAlert.tsx';
import { useI18n } from '../../i18n.tsx';

/** A public catalogue read; the URL is the cache key, so every page that asks the same shares it. */
export function useCatalogue<T>(url: string | null): UseQueryResult<T> {
  return useQuery({
    queryKey: ['catalogue', url],
    queryFn: () => api<T>('GET', url as string),
    enabled: url !== null,
  });
}

/** Loading text, the server's problem, or the page's content once the data is there. */
export function Loaded<T>({ query, children }: { query: UseQueryResult<T>; children(data: T): ReactNode }) {
  const { t } = useI18n();
  if (query.isError) return <ErrorAlert error={problemText(query.error)} />;
  if (query.data === undefined) return <p className="loading">{t.loading}</p>;
  return <>{children(query.data)}</>;
}

export function useCatalogueText() {
  const { t, format, lang } = useI18n();
  const c = t.catalogue;
  const list = (values: readonly string[], names: Record<string, string>) =>
    values.map((v) => names[v] ?? v).join(', ');
  return {
    c,
    format,
    method: (method: string) => c.methods[method] ?? method,
    variantTypes: (types: readonly string[]) => list(types, c.variantTypeNames),
    materials: (materials: readonly string[]) => list(materials, c.materialNames),
    date: (iso: string | null) => formatDate(iso, lang),
  };
}

/**
 * The server words its gene-symbol notes in English ("HER2 is an alias of ERBB2 (HGNC:3430); using
 * ERBB2"); the reader gets them in their language, or as given when the wording is new.
 */
export function useGeneNoteText() {
  const { c, format } = useCatalogueText();
  return (note: string) => {
    const resolved = /^(?:entries\[\d+\]: )?(\S+) is (an alias|a previous symbol) of (\S+) \(([^)]+)\)/.exec(
      note,
    );
    if (resolved) {
      const [, old, kind, symbol, hgncId] = resolved as unknown as [string, string, string, string, string];
      return format(kind === 'an alias' ? c.aliasWarning : c.previousWarning, { old, symbol, hgncId });
    }
    const unknown = /^(\S+) is not a known gene symbol$/.exec(note);
    if (unknown) return format(c.unknownGene, { symbol: unknown[1] as string });
    return note;
  };
}

/** A traffic light in words as well as colour. */
export function ConfidenceBadge({ confidence }: { confidence: string }) {
  const { c } = useCatalogueText();
  return <span className={`badge confidence-${confidence}`}>{c.confidence[confidence] ?? confidence}</span>;
}

export function GeneListStatusBadge({ status }: { status: string }) {
  const { c } = useCatalogueText();
  return <span className={`badge list-${status}`}>{c.geneListStatus[status] ?? status}</span>;
}

export function SignOffBadge({ signedOff }: { signedOff: boolean }) {
  const { c } = useCatalogueText();
  return (
    <span className={`badge ${signedOff ? 'signed' : 'unsigned'}`}>
      {signedOff ? c.signedOff : c.notSignedOff}
    </span>
  );
}
