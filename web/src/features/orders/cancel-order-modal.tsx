import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemFieldError, problemOnlyConcerns } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';
import { type Order, useCancelOrder } from './order-hooks';

interface CancelOrderModalProps {
  order: Order;
  opened: boolean;
  onClose: () => void;
}

/** Cancels the whole order, with the reason the timeline will show. */
export function CancelOrderModal({ order, opened, onClose }: CancelOrderModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('orders.cancel.title', { number: String(order.number) })}
      centered
    >
      {/* Mounted afresh each time it opens: no reason or error left from last time. */}
      {opened && <CancelOrderForm order={order} onClose={onClose} />}
    </Modal>
  );
}

function CancelOrderForm({ order, onClose }: { order: Order; onClose: () => void }) {
  const { t } = useTranslation();
  const cancel = useCancelOrder();
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const failure = cancel.error;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      cancel.reset();
      focusFirstInvalid();
      return;
    }
    setMissing(false);
    cancel.mutate(
      { id: order.id, input: { reason: reason.trim() } },
      { onSuccess: onClose, onError: focusFirstInvalid },
    );
  }

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('orders.cancel.lead')}
        </Text>
        {failure && !problemOnlyConcerns(failure, ['/reason']) ? (
          <ProblemAlert error={failure} title={t('orders.cancel.failedTitle')} />
        ) : null}
        <Textarea
          label={t('orders.cancel.reason')}
          description={t('orders.cancel.reasonDescription')}
          placeholder={t('orders.cancel.reasonPlaceholder')}
          required
          data-autofocus
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          error={missing ? t('orders.cancel.reasonRequired') : problemFieldError(failure, '/reason')}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('orders.cancel.keep')}
          </Button>
          <Button type="submit" color="red" loading={cancel.isPending}>
            {t('orders.cancel.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
