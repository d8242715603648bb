import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { Link } from '../../router.tsx';
import { Loaded } from '../catalogue/common.tsx';
import { ActionForm } from '../orders/ActionForm.tsx';
import { ClassBadge, useInterpretationText } from './common.tsx';
import { type Conflict, conflictsKey, variantPath } from './types.ts';

export function useConflicts() {
  return useQuery({
    queryKey: conflictsKey,
    queryFn: () => api<{ conflicts: Conflict[] }>('GET', '/api/conflicts'),
  });
}

/**
 * Open conflicts between this lab's classifications and another lab's: both labs see them until
 * one resolves it with a note.
 */
export function ConflictsPage() {
  const { i } = useInterpretationText();
  const conflicts = useConflicts();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="conflicts-title">
      <h1 id="conflicts-title">{i.conflicts.title}</h1>
      <p>{i.conflicts.intro}</p>
      <p role="status" className="ok" data-testid="conflict-notice">
        {notice}
      </p>
      <Loaded query={conflicts}>
        {(data) =>
          data.conflicts.length === 0 ? (
            <p>{i.conflicts.empty}</p>
          ) : (
            <ConflictTable conflicts={data.conflicts} onResolved={setNotice} />
          )
        }
      </Loaded>
    </section>
  );
}

export function ConflictTable({
  conflicts,
  onResolved,
}: {
  conflicts: Conflict[];
  onResolved(notice: string): void;
}) {
  const { i, format, dateTime } = useInterpretationText();
  const queryClient = useQueryClient();
  const c = i.conflicts;
  return (
    <table data-testid="conflicts">
      <thead>
        <tr>
          <th scope="col">{c.variant}</th>
          <th scope="col">{c.context}</th>
          <th scope="col">{c.raised}</th>
          <th scope="col">{c.raisedBy}</th>
          <th scope="col">{c.other}</th>
          <th scope="col">{c.resolve}</th>
        </tr>
      </thead>
      <tbody>
        {conflicts.map((conflict) => (
          <tr key={conflict.id}>
            <th scope="row">
              <Link href={variantPath(conflict.variant_id)}>
                <code>{conflict.identity_key}</code>
              </Link>
            </th>
            <td>{conflict.context}</td>
            <td>{dateTime(conflict.raised_at)}</td>
            <td>
              <ClassBadge classification={conflict.raised_classification} /> {conflict.raised_by_lab}
            </td>
            <td>
              <ClassBadge classification={conflict.other_classification} /> {conflict.other_lab}
            </td>
            <td>
              <ActionForm
                id={`resolve-${conflict.id}`}
                title={format(c.resolveTitle, { variant: conflict.identity_key })}
                className="compact"
                fields={[{ name: 'note', label: c.note, required: true }]}
                submitLabel={c.resolveSubmit}
                onSubmit={async (values) => {
                  await api('POST', `/api/conflicts/${conflict.id}/resolve`, { note: values.note?.trim() });
                  await queryClient.invalidateQueries({ queryKey: conflictsKey });
                  onResolved(format(c.resolved, { variant: conflict.identity_key }));
                }}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
