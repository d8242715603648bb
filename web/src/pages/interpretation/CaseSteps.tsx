import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { ActionForm } from '../orders/ActionForm.tsx';
import { useInterpretationText } from './common.tsx';
import { type CaseHeader, caseKey, conflictsKey, type StepResult } from './types.ts';

type Step = 'submit' | 'finalise' | 'return' | 'reopen';

/**
 * Moves the case on: send for review, finalise (a second person), return with a reason, reopen
 * with a reason. The server's state machine decides; its refusal is shown as it says, in words.
 */
export function CaseSteps({
  header,
  onDone,
  onRefused,
}: {
  header: CaseHeader;
  onDone(notice: string): void;
  onRefused(error: string): void;
}) {
  const { i, format, problem, worded } = useInterpretationText();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const s = i.steps;

  const take = async (step: Step, reason?: string) => {
    const result = await api<StepResult>(
      'POST',
      `/api/cases/${header.id}/${step}`,
      reason === undefined ? undefined : { reason },
    );
    await queryClient.invalidateQueries({ queryKey: caseKey(header.id) });
    await queryClient.invalidateQueries({ queryKey: ['interpretation', 'cases'] });
    if (result.conflicts > 0) await queryClient.invalidateQueries({ queryKey: conflictsKey });
    const notices: Record<Step, string> = {
      submit: s.submitted,
      finalise: result.conflicts > 0 ? format(s.finalisedConflicts, { n: result.conflicts }) : s.finalised,
      return: s.returned,
      reopen: s.reopened,
    };
    onDone(notices[step]);
  };
  const button = async (step: Step) => {
    setBusy(true);
    try {
      await take(step);
    } catch (e) {
      onRefused(problem(e));
    } finally {
      setBusy(false);
    }
  };
  const withReason = (step: Step) =>
    worded((values: Record<string, string>) => take(step, values.reason?.trim()));

  return (
    <section aria-labelledby="steps-title" className="actions case-steps">
      <h2 id="steps-title">{s.title}</h2>
      {header.status === 'interpreting' && (
        <button type="button" disabled={busy} onClick={() => button('submit')}>
          {s.submit}
        </button>
      )}
      {header.status === 'in-review' && (
        <>
          <button type="button" disabled={busy} onClick={() => button('finalise')}>
            {s.finalise}
          </button>
          <ActionForm
            id="case-return"
            title={s.returnTitle}
            fields={[{ name: 'reason', label: s.reason, required: true }]}
            submitLabel={s.return}
            onSubmit={withReason('return')}
          />
        </>
      )}
      {header.status === 'finalised' && (
        <>
          <p>{s.finalisedHint}</p>
          <ActionForm
            id="case-reopen"
            title={s.reopenTitle}
            fields={[{ name: 'reason', label: s.reason, required: true }]}
            submitLabel={s.reopen}
            onSubmit={withReason('reopen')}
          />
        </>
      )}
    </section>
  );
}
