import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { ErrorAlert } from '../../ErrorAlert.tsx';
import { withQuery } from '../../router.tsx';
import { useInterpretationText } from './common.tsx';
import type { Phrase } from './types.ts';

/**
 * The lab's reusable interpretation phrases for the gene and context, in the reader's language:
 * pick one to insert it, or save the text written as a new phrase. A server without phrases (404)
 * leaves the picker out rather than failing the form.
 */
export function PhrasePicker({
  gene,
  context,
  text,
  onInsert,
}: {
  gene: string | null;
  context: string;
  text: string;
  onInsert(phrase: string): void;
}) {
  const { i, lang, format } = useInterpretationText();
  const queryClient = useQueryClient();
  const f = i.form;
  const queryKey = ['interpretation', 'phrases', gene, context, lang];
  const phrases = useQuery({
    queryKey,
    queryFn: () =>
      api<{ phrases: Phrase[] }>('GET', withQuery('/api/phrases', { gene, context, language: lang })),
  });
  const [chosen, setChosen] = useState('');
  const [key, setKey] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (phrases.error instanceof ApiError && phrases.error.problem.status === 404) return null;
  const list = phrases.data?.phrases ?? [];
  const picked = list.find((p) => p.id === chosen);

  const save = async () => {
    setError(null);
    // Saving under a name this gene already has makes a new version of that phrase.
    const previous = list.find((p) => p.phrase_key === key.trim() && p.gene === gene);
    try {
      const saved = await api<{ id: string; version: number }>('POST', '/api/phrases', {
        phraseKey: key.trim(),
        ...(gene ? { gene } : {}),
        context,
        language: lang,
        text: text.trim(),
        ...(previous ? { previousId: previous.id } : {}),
      });
      await queryClient.invalidateQueries({ queryKey });
      setNotice(format(f.phraseSaved, { key: key.trim(), version: saved.version }));
      setKey('');
    } catch (e) {
      setError(e);
    }
  };

  return (
    <fieldset className="phrases">
      <legend>{f.phrases}</legend>
      {list.length === 0 ? (
        <p className="muted">{format(f.noPhrases, { gene: gene ?? '–', context })}</p>
      ) : (
        <div className="inline">
          <label>
            {f.phrase}
            <select value={chosen} onChange={(event) => setChosen(event.target.value)}>
              <option value="" />
              {list.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.phrase_key} ({p.lab}, v{p.version})
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="secondary"
            disabled={!picked}
            onClick={() => picked && onInsert(picked.text)}
          >
            {f.insertPhrase}
          </button>
        </div>
      )}
      <div className="inline">
        <label>
          {f.phraseKey}
          <input value={key} onChange={(event) => setKey(event.target.value)} />
        </label>
        <button type="button" className="secondary" disabled={!key.trim() || !text.trim()} onClick={save}>
          {f.savePhrase}
        </button>
      </div>
      <p role="status" className="ok">
        {notice}
      </p>
      <ErrorAlert error={error} />
    </fieldset>
  );
}
