import { Button, Group, Modal, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemFieldError, problemOnlyConcerns } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';
import { type Order, useCancelOrder } from './order-hooks';

interface CancelUnitsModalProps {
  order: Order;
  opened: boolean;
  onClose: () => void;
}

/** Cancels some units of some lines; the rest of the order goes ahead. */
export function CancelUnitsModal({ order, opened, onClose }: CancelUnitsModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('orders.cancelUnits.title', { number: String(order.number) })}
      size="lg"
      centered
    >
      {opened && <CancelUnitsForm order={order} onClose={onClose} />}
    </Modal>
  );
}

function CancelUnitsForm({ order, onClose }: { order: Order; onClose: () => void }) {
  const { t } = useTranslation();
  const cancel = useCancelOrder();
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);
  const lines = order.lines.filter((line) => line.quantity > 0);
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  // Lines in the order they were sent: the server's `/lines/i` errors name that position.
  const [sent, setSent] = useState<string[]>([]);
  const failure = cancel.error;

  const quantityError = (lineId: string) => {
    if (local[lineId]) return local[lineId];
    const index = sent.indexOf(lineId);
    return index === -1 ? undefined : problemFieldError(failure, `/lines/${index}/quantity`);
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const chosen: { lineId: string; quantity: number }[] = [];
    for (const line of lines) {
      const text = (counts[line.id] ?? '').trim();
      if (text === '' || text === '0') continue;
      const quantity = Number(text);
      if (!/^\d+$/.test(text) || quantity > line.quantity)
        problems[line.id] = t('orders.cancelUnits.quantityInvalid', { max: String(line.quantity) });
      else chosen.push({ lineId: line.id, quantity });
    }
    if (!reason.trim()) problems.reason = t('orders.cancel.reasonRequired');
    if (chosen.length === 0 && Object.keys(problems).every((key) => key === 'reason'))
      problems.nothing = t('orders.cancelUnits.nothingChosen');
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      cancel.reset();
      focusFirstInvalid();
      return;
    }
    setSent(chosen.map((line) => line.lineId));
    cancel.mutate(
      { id: order.id, input: { reason: reason.trim(), lines: chosen } },
      { onSuccess: onClose, onError: focusFirstInvalid },
    );
  }

  const shownPointers = ['/reason', ...sent.map((_, index) => `/lines/${index}/quantity`)];
  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('orders.cancelUnits.lead')}
        </Text>
        {failure && !problemOnlyConcerns(failure, shownPointers) ? (
          <ProblemAlert error={failure} title={t('orders.cancelUnits.failedTitle')} />
        ) : null}
        <Table verticalSpacing="xs" aria-label={t('orders.cancelUnits.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('orders.cancelUnits.line')}</Table.Th>
              <Table.Th ta="right">{t('orders.cancelUnits.ordered')}</Table.Th>
              <Table.Th w={120}>{t('orders.cancelUnits.toCancel')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, index) => (
              <Table.Tr key={line.id}>
                <Table.Td>
                  <Text size="sm" fw={600} ff="monospace">
                    {line.sku}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {line.title}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{line.quantity}</Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('orders.cancelUnits.quantityOf', { sku: line.sku })}
                    inputMode="numeric"
                    autoComplete="off"
                    placeholder="0"
                    data-autofocus={index === 0 ? true : undefined}
                    value={counts[line.id] ?? ''}
                    error={quantityError(line.id)}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      setCounts((current) => ({ ...current, [line.id]: value }));
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {local.nothing && (
          <Text size="sm" c="red" role="alert">
            {local.nothing}
          </Text>
        )}
        <Textarea
          label={t('orders.cancel.reason')}
          description={t('orders.cancel.reasonDescription')}
          placeholder={t('orders.cancel.reasonPlaceholder')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          error={local.reason ?? problemFieldError(failure, '/reason')}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('orders.cancel.keep')}
          </Button>
          <Button type="submit" color="red" loading={cancel.isPending}>
            {t('orders.cancelUnits.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
