import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../ErrorAlert.tsx';
import { navigate, withQuery } from '../../router.tsx';
import { useCatalogue } from '../catalogue/common.tsx';
import { ActionForm } from './ActionForm.tsx';
import { useOrdersText } from './common.tsx';
import { DERIVED_KINDS, isOpen, type LabOption, nextStep, type Order, type Specimen } from './types.ts';

/** Runs one change to the order, then shows the order as it is now and says what was done. */
export function useOrderChange(orderId: string, onDone: (notice: string) => void) {
  const queryClient = useQueryClient();
  return async (method: string, url: string, body: unknown, notice: string) => {
    await api(method, `/api/orders/${orderId}${url}`, body);
    await queryClient.invalidateQueries({ queryKey: ['orders'] });
    onDone(notice);
  };
}

type Change = ReturnType<typeof useOrderChange>;

/** The lab takes a specimen in: its accession id and where it is stored. */
export function ReceiveSpecimen({ specimen, n, change }: { specimen: Specimen; n: number; change: Change }) {
  const { o, format } = useOrdersText();
  return (
    <ActionForm
      id={`receive-${specimen.id}`}
      title={format(o.receiveTitle, { n })}
      fields={[
        { name: 'accessionId', label: o.accessionId, required: true },
        { name: 'storageLocation', label: o.storageLocation, required: true },
      ]}
      submitLabel={o.receive}
      onSubmit={(values) =>
        change(
          'POST',
          `/specimens/${specimen.id}/receive`,
          { accessionId: values.accessionId?.trim(), storageLocation: values.storageLocation?.trim() },
          format(o.done.received, { accession: values.accessionId?.trim() ?? '' }),
        )
      }
    />
  );
}

/** An extract (DNA, RNA) or aliquot made from a received specimen, with its own accession id. */
export function DeriveFromSpecimen({
  specimen,
  n,
  change,
}: {
  specimen: Specimen;
  n: number;
  change: Change;
}) {
  const { o, format } = useOrdersText();
  return (
    <ActionForm
      id={`derive-${specimen.id}`}
      title={format(o.deriveTitle, { n })}
      fields={[
        {
          name: 'kind',
          label: o.deriveKind,
          kind: 'select',
          initial: 'dna',
          options: DERIVED_KINDS.map((kind) => ({ value: kind, label: o.specimenKinds[kind] ?? kind })),
        },
        { name: 'accessionId', label: o.accessionId, required: true },
        { name: 'quantityNg', label: o.quantityNg, kind: 'number' },
        { name: 'storageLocation', label: o.storageLocation, required: true },
      ]}
      submitLabel={o.derive}
      onSubmit={(values) => {
        const quantity = values.quantityNg?.trim().replace(',', '.');
        return change(
          'POST',
          `/specimens/${specimen.id}/derive`,
          {
            kind: values.kind,
            accessionId: values.accessionId?.trim(),
            quantityNg: quantity ? Number(quantity) : null,
            storageLocation: values.storageLocation?.trim(),
          },
          format(o.done.derived, { accession: values.accessionId?.trim() ?? '' }),
        );
      }}
    />
  );
}

/** What the performing lab does with the order: move it on, reject it, or send it to another lab. */
export function LabActions({ order, change }: { order: Order; change: Change }) {
  const { o, format, status } = useOrdersText();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const labs = useCatalogue<{ labs: LabOption[] }>('/api/catalogue/labs');
  const next = nextStep(order.status);
  const otherLabs = (labs.data?.labs ?? []).filter((lab) => lab.id !== order.performingLab.id);

  // A forwarded order leaves this lab's hands (and often its access): back to the work-list it came from.
  const forward = async (labId: string, reason: string) => {
    await api('POST', `/api/orders/${order.id}/forward`, { labId, reason });
    navigate(withQuery('/orders/worklist', { lab: order.performingLab.id, forwarded: order.orderNumber }));
    await queryClient.invalidateQueries({ queryKey: ['orders'] });
  };

  const moveOn = async (to: string) => {
    setError(null);
    try {
      await change(
        'POST',
        '/status',
        { status: to, reason: null },
        format(o.done.status, { status: status(to) }),
      );
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="lab-actions-title" className="actions">
      <h2 id="lab-actions-title">{o.labActions}</h2>
      {next && (
        <p>
          <button type="button" onClick={() => moveOn(next)}>
            {format(o.moveOn, { status: status(next) })}
          </button>
        </p>
      )}
      <ErrorAlert error={error} />
      {isOpen(order.status) && (
        <>
          <ActionForm
            id="reject"
            title={o.rejectTitle}
            fields={[{ name: 'reason', label: o.reason, required: true, hint: o.rejectHint }]}
            submitLabel={o.reject}
            className="danger"
            onSubmit={(values) =>
              change(
                'POST',
                '/status',
                { status: 'rejected', reason: values.reason?.trim() },
                o.done.rejected,
              )
            }
          />
          {otherLabs.length > 0 && (
            <ActionForm
              id="forward"
              title={o.forwardTitle}
              fields={[
                {
                  name: 'labId',
                  label: o.forwardTo,
                  kind: 'select',
                  initial: otherLabs[0]?.id,
                  options: otherLabs.map((lab) => ({ value: lab.id, label: lab.name })),
                },
                { name: 'reason', label: o.reason, required: true },
              ]}
              submitLabel={o.forward}
              onSubmit={(values) => forward(values.labId ?? '', values.reason?.trim() ?? '')}
            />
          )}
        </>
      )}
    </section>
  );
}

/** The requesting side may cancel while the lab has not started, with a reason. */
export function CancelOrder({ change }: { change: Change }) {
  const { o } = useOrdersText();
  return (
    <section aria-label={o.cancelTitle} className="actions">
      <ActionForm
        id="cancel"
        title={o.cancelTitle}
        fields={[{ name: 'reason', label: o.reason, required: true }]}
        submitLabel={o.cancel}
        className="danger"
        onSubmit={(values) => change('POST', '/cancel', { reason: values.reason?.trim() }, o.done.cancelled)}
      />
    </section>
  );
}
