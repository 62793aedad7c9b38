import { SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PaymentDraft } from './new-order-draft';
import { type ManualKind, manualKinds, useOrderLabels } from './order-labels';

interface PaymentFieldsProps {
  value: PaymentDraft;
  onChange: (changes: Partial<PaymentDraft>) => void;
  fieldError: (pointer: string) => string | undefined;
}

/** How the customer pays: a card token from the terminal or payment page, or a manual way. */
export function PaymentFields({ value, onChange, fieldError }: PaymentFieldsProps) {
  const { t } = useTranslation();
  const labels = useOrderLabels();
  return (
    <Stack gap="sm">
      <SegmentedControl
        value={value.method}
        onChange={(method) => onChange({ method: method as PaymentDraft['method'] })}
        data={[
          { value: 'card', label: t('orders.new.payByCard') },
          { value: 'manual', label: t('orders.new.payManually') },
        ]}
        style={{ alignSelf: 'flex-start' }}
        aria-label={t('orders.new.paymentTitle')}
      />
      {value.method === 'card' ? (
        <TextInput
          id="new-order-card-token"
          label={t('orders.new.cardToken')}
          description={t('orders.new.cardTokenDescription')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          placeholder="tok_visa"
          required
          autoComplete="off"
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          maw={360}
          value={value.token}
          error={fieldError('/payment/token') ?? fieldError('/payment')}
          onChange={(event) => onChange({ token: event.currentTarget.value })}
        />
      ) : (
        <Select
          id="new-order-manual-kind"
          label={t('orders.new.manualKind')}
          data={manualKinds.map((kind) => ({ value: kind, label: labels.manualKind(kind) }))}
          allowDeselect={false}
          maw={360}
          value={value.kind}
          error={fieldError('/payment/kind') ?? fieldError('/payment')}
          onChange={(kind) => kind && onChange({ kind: kind as ManualKind })}
        />
      )}
    </Stack>
  );
}
