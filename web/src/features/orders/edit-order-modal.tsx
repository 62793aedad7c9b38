import { Button, Group, Modal, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemFieldError, problemFieldErrorWithin, problemOnlyConcerns } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';
import { type AddressDraft, AddressFields, missingAddressFields } from '../customers/address-fields';
import { problemShortages } from '../inventory/inventory-hooks';
import { goodsAmount, type LineDraft, linesToSend, parseQuantity, withPickedVariant } from './line-draft';
import { type LineField, LineItemsEditor } from './line-items-editor';
import { addressDraftOf, orderAddressOf } from './new-order-draft';
import { type EditOrderInput, type Order, useEditOrder } from './order-hooks';
import { ProductPicker } from './product-picker';
import { ShippingMethodPicker } from './shipping-method-picker';

interface EditOrderModalProps {
  order: Order;
  opened: boolean;
  onClose: () => void;
}

/** Changes quantities, lines, the shipping address or method of an order not yet being picked. */
export function EditOrderModal({ order, opened, onClose }: EditOrderModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('orders.edit.title', { number: String(order.number) })}
      size={960}
    >
      {opened && <EditOrderForm order={order} onClose={onClose} />}
    </Modal>
  );
}

const linesOf = (order: Order): LineDraft[] =>
  order.lines
    .filter((line) => line.quantity > 0)
    .map((line) => ({
      key: line.id,
      sku: line.sku,
      title: line.title,
      prices: [{ currency: order.currency, amount: line.unitPrice }],
      quantity: String(line.quantity),
    }));

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function EditOrderForm({ order, onClose }: { order: Order; onClose: () => void }) {
  const { t } = useTranslation();
  const edit = useEditOrder();
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);
  const [original] = useState(() => ({
    lines: linesOf(order),
    address: addressDraftOf(order.shippingAddress),
  }));
  const [lines, setLines] = useState(original.lines);
  const [address, setAddress] = useState<AddressDraft>(original.address);
  const [shippingMethod, setShippingMethod] = useState<string | null>(order.shippingMethod);
  const [reason, setReason] = useState('');
  const [cardToken, setCardToken] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [sentKeys, setSentKeys] = useState<string[]>([]);
  const failure = edit.error;
  const shortages = problemShortages(failure);
  const onShippingMethod = useCallback((method: string) => setShippingMethod(method), []);

  const lineError = (key: string, field: LineField) => {
    const index = lines.findIndex((line) => line.key === key);
    const mine = local[`/lines/${index}/${field}`];
    if (mine) return mine;
    const sent = sentKeys.indexOf(key);
    if (sent === -1) return undefined;
    if (field === 'quantity') {
      const short = shortages.find((shortage) => shortage.sku === lines[index]?.sku);
      if (short)
        return t('orders.lines.shortage', {
          requested: String(short.requested),
          available: String(short.available),
        });
    }
    return problemFieldError(failure, `/lines/${sent}/${field}`);
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    event.stopPropagation();
    const problems: Record<string, string> = {};
    if (lines.length === 0) problems['/lines'] = t('orders.edit.noLines');
    lines.forEach((line, index) => {
      if (parseQuantity(line.quantity) === null)
        problems[`/lines/${index}/quantity`] = t('orders.lines.quantityInvalid');
    });
    for (const [field, problem] of Object.entries(missingAddressFields(address, t)))
      if (problem) problems[`/shippingAddress/${field}`] = problem;
    const input: EditOrderInput = { version: order.version };
    if (!same(linesToSend(lines), linesToSend(original.lines))) input.lines = linesToSend(lines);
    if (!same(orderAddressOf(address), orderAddressOf(original.address)))
      input.shippingAddress = orderAddressOf(address);
    if (shippingMethod && shippingMethod !== order.shippingMethod) input.shippingMethod = shippingMethod;
    if (Object.keys(problems).length === 0 && Object.keys(input).length === 1)
      problems.unchanged = t('orders.edit.unchanged');
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      edit.reset();
      focusFirstInvalid();
      return;
    }
    if (reason.trim()) input.reason = reason.trim();
    if (cardToken.trim()) input.payment = { method: 'card', token: cardToken.trim() };
    setSentKeys(input.lines ? lines.map((line) => line.key) : []);
    edit.mutate({ id: order.id, input }, { onSuccess: onClose, onError: focusFirstInvalid });
  }

  const fieldError = (pointer: string) => local[pointer] ?? problemFieldError(failure, pointer);
  const shownPointers = [
    '/lines',
    ...sentKeys.flatMap((_, index) => [`/lines/${index}/sku`, `/lines/${index}/quantity`]),
    ...Object.keys(address).map((field) => `/shippingAddress/${field}`),
    '/shippingMethod',
    '/payment',
    '/reason',
  ];
  // The server asks for a card only when the new total is more than was authorised.
  const needsCard = !!problemFieldError(failure, '/payment') || cardToken !== '';

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Text size="sm" c="dimmed">
          {t('orders.edit.lead')}
        </Text>
        {/* The server's words as they are: a conflict, stock, or a server that cannot edit orders yet. */}
        {failure && (shortages.length > 0 || !problemOnlyConcerns(failure, shownPointers)) ? (
          <ProblemAlert error={failure} title={t('orders.edit.failedTitle')} />
        ) : null}
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('orders.edit.linesTitle')}
          </Title>
          <ProductPicker
            currency={order.currency}
            error={fieldError('/lines')}
            onPick={(variant) => setLines((current) => withPickedVariant(current, variant))}
          />
          <LineItemsEditor
            lines={lines}
            onChange={setLines}
            currency={order.currency}
            lineError={lineError}
          />
        </Stack>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('orders.edit.deliveryTitle')}
          </Title>
          <AddressFields
            idPrefix="edit-order-address"
            draft={address}
            onChange={(changes) => setAddress((current) => ({ ...current, ...changes }))}
            fieldError={(field) =>
              local[`/shippingAddress/${field}`] ??
              problemFieldErrorWithin(failure, `/shippingAddress/${field}`)
            }
          />
          <ShippingMethodPicker
            country={address.country}
            currency={order.currency}
            goods={goodsAmount(lines, order.currency)}
            value={shippingMethod}
            onChange={onShippingMethod}
            error={fieldError('/shippingMethod')}
          />
        </Stack>
        <Textarea
          label={t('orders.edit.reason')}
          description={t('orders.edit.reasonDescription')}
          placeholder={t('orders.edit.reasonPlaceholder')}
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          error={fieldError('/reason')}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        {needsCard && (
          <TextInput
            label={t('orders.edit.cardToken')}
            description={t('orders.edit.cardTokenDescription')}
            placeholder="tok_visa"
            value={cardToken}
            error={fieldError('/payment')}
            onChange={(event) => setCardToken(event.currentTarget.value)}
          />
        )}
        {local.unchanged && (
          <Text size="sm" c="orange.8" role="alert">
            {local.unchanged}
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={edit.isPending}>
            {t('orders.edit.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
