import { useOrdersText } from './common.tsx';
import { Field, type FormKit } from './fields.tsx';
import type { HistoryEntry, OrderCheck } from './types.ts';

/**
 * The patient's analyses in every health trust, as the care purpose may see them, shown while
 * ordering so nobody sequences the same genes twice without knowing.
 */
export function PatientHistory({ history }: { history: HistoryEntry[] }) {
  const { o, date, status } = useOrdersText();
  return (
    <section aria-labelledby="history-title" className="form-section" data-testid="test-history">
      <h2 id="history-title">{o.historyTitle}</h2>
      {history.length === 0 ? (
        <p>{o.historyEmpty}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{o.orderNumber}</th>
                <th scope="col">{o.analysis}</th>
                <th scope="col">{o.lab}</th>
                <th scope="col">{o.requestedBy}</th>
                <th scope="col">{o.statusCol}</th>
                <th scope="col">{o.orderedAt}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((entry) => (
                <tr key={entry.orderNumber}>
                  <th scope="row">{entry.orderNumber}</th>
                  <td>{entry.analysis}</td>
                  <td>{entry.lab}</td>
                  <td>{entry.requestedBy}</td>
                  <td>{status(entry.status)}</td>
                  <td>{date(entry.orderedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * The duplicate warning: which recent orders test the same genes, and the reason the requester must
 * give to order anyway (the server keeps it on the order).
 */
export function DuplicateWarning({
  kit,
  duplicates,
}: {
  kit: FormKit;
  duplicates: OrderCheck['duplicates'];
}) {
  const { o, date, status } = useOrdersText();
  return (
    <section aria-labelledby="duplicate-title" className="duplicate" data-testid="duplicate-warning">
      <h2 id="duplicate-title">{o.duplicateTitle}</h2>
      <p>{o.duplicateIntro}</p>
      <ul>
        {duplicates.map((d) => (
          <li key={d.orderNumber}>
            <strong>{d.orderNumber}</strong> {d.analysis}, {d.lab} ({status(d.status)}, {date(d.orderedAt)})
          </li>
        ))}
      </ul>
      <Field kit={kit} path="duplicateOverrideReason" label={o.duplicateReason} required>
        {(props) => (
          <input
            {...props}
            value={kit.draft.duplicateOverrideReason}
            onChange={(e) =>
              kit.update({ duplicateOverrideReason: e.target.value }, ['duplicateOverrideReason'])
            }
          />
        )}
      </Field>
    </section>
  );
}
