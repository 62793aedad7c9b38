import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError, problemFieldError, problemOnlyConcerns } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';
import { useRetainedValue } from '../../components/use-retained-value';
import { type StockLevel, useAdjustStock } from './inventory-hooks';

type Mode = 'delta' | 'counted';

interface AdjustModalProps {
  level: StockLevel | null;
  locationNameOf: (locationId: string) => string;
  onClose: () => void;
}

/** Corrects one SKU's stock at one location, by a change or to a counted figure, with a reason. */
export function AdjustModal({ level, locationNameOf, onClose }: AdjustModalProps) {
  const { t } = useTranslation();
  const shown = useRetainedValue(level);
  return (
    <Modal
      opened={level !== null}
      onClose={onClose}
      title={shown ? t('inventory.adjust.title', { sku: shown.sku }) : ''}
      centered
    >
      {shown && (
        <AdjustForm
          key={`${shown.sku}@${shown.locationId}`}
          level={shown}
          locationName={locationNameOf(shown.locationId)}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

function AdjustForm({
  level,
  locationName,
  onClose,
}: {
  level: StockLevel;
  locationName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const adjust = useAdjustStock();
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);
  const [mode, setMode] = useState<Mode>('delta');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<{ amount?: string; reason?: string }>({});
  const failure = adjust.error;
  const pointer = mode === 'delta' ? '/delta' : '/countedOnHand';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    event.stopPropagation();
    const text = amount.trim();
    const value = Number(text);
    const problems: { amount?: string; reason?: string } = {};
    if (mode === 'delta' && (!/^[+-]?\d+$/.test(text) || value === 0))
      problems.amount = t('inventory.adjust.deltaInvalid');
    if (mode === 'counted' && !/^\d+$/.test(text)) problems.amount = t('inventory.adjust.countedInvalid');
    if (!reason.trim()) problems.reason = t('inventory.adjust.reasonRequired');
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      adjust.reset();
      focusFirstInvalid();
      return;
    }
    adjust.mutate(
      {
        locationId: level.locationId,
        sku: level.sku,
        ...(mode === 'delta' ? { delta: value } : { countedOnHand: value }),
        reason: reason.trim(),
      },
      { onSuccess: onClose, onError: focusFirstInvalid },
    );
  }

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('inventory.adjust.lead', {
            product: [level.productTitle, level.variantTitle].filter(Boolean).join(' · '),
            location: locationName,
            onHand: String(level.onHand),
            reserved: String(level.reserved),
          })}
        </Text>
        {/* A conflict's detail says what is on hand and reserved: more than the field error can. */}
        {failure &&
        ((failure instanceof ProblemError && failure.status === 409) ||
          !problemOnlyConcerns(failure, ['/delta', '/countedOnHand', '/reason'])) ? (
          <ProblemAlert error={failure} title={t('inventory.adjust.failedTitle')} />
        ) : null}
        <SegmentedControl
          fullWidth
          value={mode}
          onChange={(value) => {
            setMode(value as Mode);
            setLocal({});
            adjust.reset();
          }}
          data={[
            { value: 'delta', label: t('inventory.adjust.byDelta') },
            { value: 'counted', label: t('inventory.adjust.byCount') },
          ]}
        />
        <TextInput
          label={mode === 'delta' ? t('inventory.adjust.delta') : t('inventory.adjust.counted')}
          description={mode === 'delta' ? t('inventory.adjust.deltaHint') : t('inventory.adjust.countedHint')}
          inputMode={mode === 'delta' ? 'text' : 'numeric'}
          autoComplete="off"
          required
          data-autofocus
          value={amount}
          error={local.amount ?? problemFieldError(failure, pointer)}
          onChange={(event) => setAmount(event.currentTarget.value)}
        />
        <Textarea
          label={t('inventory.adjust.reason')}
          placeholder={t('inventory.adjust.reasonPlaceholder')}
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
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={adjust.isPending}>
            {t('inventory.adjust.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
