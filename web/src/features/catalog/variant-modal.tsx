import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemFieldErrorAt, problemOnlyConcernsWithin } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';
import { useRetainedValue } from '../../components/use-retained-value';
import {
  type Product,
  type UpdateVariantInput,
  useAddVariant,
  useUpdateVariant,
  type Variant,
} from './catalog-hooks';
import {
  currenciesOf,
  prepareVariant,
  type VariantDraft,
  type VariantField,
  variantBodyParts,
  variantDraft,
  variantPointers,
} from './variant-draft';

/** Which variant the modal is for: one of the product's, or a new one. */
export type VariantTarget = { kind: 'edit'; variant: Variant } | { kind: 'add' };

interface VariantModalProps {
  product: Product;
  target: VariantTarget | null;
  onClose: () => void;
}

/** Edits a variant's SKU, barcode, option values, weight and prices, or adds a variant to the product. */
export function VariantModal({ product, target, onClose }: VariantModalProps) {
  const { t } = useTranslation();
  const shown = useRetainedValue(target);
  const title =
    shown?.kind === 'edit'
      ? t('catalog.variantModal.editTitle', { sku: shown.variant.sku })
      : t('catalog.variantModal.addTitle');
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="lg" centered>
      {shown && <VariantForm product={product} target={shown} onClose={onClose} />}
    </Modal>
  );
}

const samePrices = (a: Variant['prices'], b: Variant['prices']) => {
  const key = (prices: Variant['prices']) =>
    JSON.stringify([...prices].sort((x, y) => x.currency.localeCompare(y.currency)));
  return key(a) === key(b);
};

function VariantForm({
  product,
  target,
  onClose,
}: {
  product: Product;
  target: VariantTarget;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateVariant();
  const add = useAddVariant();
  const mutation = target.kind === 'edit' ? update : add;
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);
  const [draft, setDraft] = useState<VariantDraft>(() =>
    variantDraft(target.kind === 'edit' ? target.variant : undefined),
  );
  const [local, setLocal] = useState<Partial<Record<VariantField, string>>>({});
  const [sentCurrencies, setSentCurrencies] = useState<string[]>([]);
  const currencies = currenciesOf(draft);
  const optionNames = product.options.map((option) => option.name);
  const set = (changes: Partial<VariantDraft>) => setDraft((current) => ({ ...current, ...changes }));
  const failure = mutation.error;
  const fieldError = (field: VariantField) =>
    local[field] ?? problemFieldErrorAt(failure, variantPointers(field, sentCurrencies));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The modal is rendered elsewhere in the page but React passes events up the component tree:
    // keep this submit from reaching a form the modal's opener sits in.
    event.stopPropagation();
    const prepared = prepareVariant(draft, optionNames, currencies, t);
    setLocal(prepared.problems);
    if (Object.keys(prepared.problems).length > 0) {
      mutation.reset();
      focusFirstInvalid();
      return;
    }
    setSentCurrencies(prepared.currencies);
    const done = { onSuccess: onClose, onError: focusFirstInvalid };
    if (target.kind === 'add') {
      add.mutate({ productId: product.id, variant: prepared.variant }, done);
      return;
    }
    const before = target.variant;
    const next = prepared.variant;
    const changes: UpdateVariantInput = {
      ...(next.sku !== before.sku ? { sku: next.sku } : {}),
      ...((next.barcode ?? null) !== before.barcode ? { barcode: next.barcode ?? null } : {}),
      ...((next.weightGrams ?? null) !== before.weightGrams ? { weightGrams: next.weightGrams ?? null } : {}),
      ...(next.backorderable !== before.backorderable ? { backorderable: next.backorderable } : {}),
      ...(!samePrices(next.prices, before.prices) ? { prices: next.prices } : {}),
      ...(next.optionValues && JSON.stringify(next.optionValues) !== JSON.stringify(before.optionValues)
        ? { optionValues: next.optionValues }
        : {}),
    };
    // Prices are sent whole or not at all: the server names them by their index in what was sent.
    if (!changes.prices) setSentCurrencies([]);
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate({ id: before.id, changes }, done);
  }

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack gap="md">
        {failure && !problemOnlyConcernsWithin(failure, variantBodyParts) ? (
          <ProblemAlert error={failure} title={t('catalog.variantModal.failedTitle')} />
        ) : null}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput
            label={t('catalog.variants.sku')}
            placeholder={t('catalog.variants.skuPlaceholder')}
            required
            autoComplete="off"
            spellCheck={false}
            data-autofocus
            value={draft.sku}
            error={fieldError('sku')}
            onChange={(event) => set({ sku: event.currentTarget.value })}
          />
          <TextInput
            label={t('catalog.variants.barcode')}
            description={t('catalog.variants.barcodeDescription')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            placeholder={t('catalog.variants.barcodePlaceholder')}
            inputMode="numeric"
            autoComplete="off"
            value={draft.barcode}
            error={fieldError('barcode')}
            onChange={(event) => set({ barcode: event.currentTarget.value })}
          />
          {product.options.map((option) => (
            <Select
              key={option.name}
              label={option.name}
              data={option.values}
              value={draft.optionValues[option.name] ?? null}
              placeholder={t('catalog.variants.choose')}
              error={fieldError(`option:${option.name}`)}
              onChange={(value) =>
                set({ optionValues: { ...draft.optionValues, [option.name]: value ?? '' } })
              }
              comboboxProps={{ withinPortal: true }}
            />
          ))}
          <TextInput
            label={t('catalog.variants.weight')}
            inputMode="numeric"
            rightSection={<Text size="xs">{t('catalog.variants.grams')}</Text>}
            value={draft.weight}
            error={fieldError('weight')}
            onChange={(event) => set({ weight: event.currentTarget.value })}
          />
        </SimpleGrid>
        <Checkbox
          label={t('catalog.variants.backorderable')}
          description={t('catalog.variants.backorderableDescription')}
          checked={draft.backorderable}
          onChange={(event) => set({ backorderable: event.currentTarget.checked })}
        />
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('catalog.variants.prices')}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            {currencies.map((currency) => (
              <TextInput
                key={currency}
                label={t('catalog.variants.priceIn', { currency })}
                placeholder="0.00"
                inputMode="decimal"
                autoComplete="off"
                rightSection={<Text size="xs">{currency}</Text>}
                rightSectionWidth={44}
                value={draft.prices[currency] ?? ''}
                error={fieldError(`price:${currency}`)}
                onChange={(event) =>
                  set({ prices: { ...draft.prices, [currency]: event.currentTarget.value } })
                }
              />
            ))}
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('catalog.variants.pricesHint')}
          </Text>
        </Stack>
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {target.kind === 'edit' ? t('common.saveChanges') : t('catalog.variantModal.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
