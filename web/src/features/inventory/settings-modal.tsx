import { Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemFieldError, problemOnlyConcerns } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';
import { useRetainedValue } from '../../components/use-retained-value';
import { type StockLevel, type StockSettingsInput, useUpdateStockSettings } from './inventory-hooks';

type Field = 'safetyStock' | 'reorderPoint';

/** Safety stock, reorder point and picking bin of one SKU at one location. */
export function SettingsModal({ level, onClose }: { level: StockLevel | null; onClose: () => void }) {
  const { t } = useTranslation();
  const shown = useRetainedValue(level);
  return (
    <Modal
      opened={level !== null}
      onClose={onClose}
      title={shown ? t('inventory.settings.title', { sku: shown.sku }) : ''}
      centered
    >
      {shown && <SettingsForm key={`${shown.sku}@${shown.locationId}`} level={shown} onClose={onClose} />}
    </Modal>
  );
}

function SettingsForm({ level, onClose }: { level: StockLevel; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateStockSettings();
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);
  const [draft, setDraft] = useState({
    safetyStock: String(level.safetyStock),
    reorderPoint: String(level.reorderPoint),
    bin: level.bin ?? '',
  });
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const failure = update.error;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    event.stopPropagation();
    const problems: Partial<Record<Field, string>> = {};
    for (const field of ['safetyStock', 'reorderPoint'] as const)
      if (!/^\d+$/.test(draft[field].trim())) problems[field] = t('inventory.settings.wholeNumber');
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      update.reset();
      focusFirstInvalid();
      return;
    }
    const bin = draft.bin.trim() || null;
    const changes: StockSettingsInput = { sku: level.sku, locationId: level.locationId };
    const safetyStock = Number(draft.safetyStock);
    const reorderPoint = Number(draft.reorderPoint);
    if (safetyStock !== level.safetyStock) changes.safetyStock = safetyStock;
    if (reorderPoint !== level.reorderPoint) changes.reorderPoint = reorderPoint;
    if (bin !== level.bin) changes.bin = bin;
    if (Object.keys(changes).length === 2) return onClose();
    update.mutate(changes, { onSuccess: onClose, onError: focusFirstInvalid });
  }

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack gap="md">
        {failure && !problemOnlyConcerns(failure, ['/safetyStock', '/reorderPoint', '/bin']) ? (
          <ProblemAlert error={failure} title={t('inventory.settings.failedTitle')} />
        ) : null}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput
            label={t('inventory.columns.safetyStock')}
            description={t('inventory.settings.safetyStockHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            inputMode="numeric"
            autoComplete="off"
            data-autofocus
            value={draft.safetyStock}
            error={local.safetyStock ?? problemFieldError(failure, '/safetyStock')}
            onChange={(event) => setDraft({ ...draft, safetyStock: event.currentTarget.value })}
          />
          <TextInput
            label={t('inventory.columns.reorderPoint')}
            description={t('inventory.settings.reorderPointHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            inputMode="numeric"
            autoComplete="off"
            value={draft.reorderPoint}
            error={local.reorderPoint ?? problemFieldError(failure, '/reorderPoint')}
            onChange={(event) => setDraft({ ...draft, reorderPoint: event.currentTarget.value })}
          />
        </SimpleGrid>
        <TextInput
          label={t('inventory.columns.bin')}
          placeholder={t('inventory.settings.binPlaceholder')}
          autoComplete="off"
          maxLength={50}
          value={draft.bin}
          error={problemFieldError(failure, '/bin')}
          onChange={(event) => setDraft({ ...draft, bin: event.currentTarget.value })}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common.saveChanges')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
