import {
  Anchor,
  Grid,
  Group,
  Input,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { type FormEvent, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ProblemError, problemFieldError, problemFieldErrorWithin } from '../../../api/client';
import { newIdempotencyKey } from '../../../api/idempotency-key';
import { ArrowLeftIcon } from '../../../components/icons';
import { SectionCard } from '../../../components/section-card';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { type AddressField, AddressFields } from '../../../features/customers/address-fields';
import type { Customer } from '../../../features/customers/customer-hooks';
import { problemShortages } from '../../../features/inventory/inventory-hooks';
import { CustomerPicker } from '../../../features/orders/customer-picker';
import { goodsAmount, withPickedVariant } from '../../../features/orders/line-draft';
import { type LineField, LineItemsEditor } from '../../../features/orders/line-items-editor';
import {
  addressDraftOf,
  defaultAddressOf,
  emptyNewOrder,
  type NewOrderDraft,
  newOrderBody,
  newOrderProblems,
  orderCurrencies,
} from '../../../features/orders/new-order-draft';
import { NewOrderSummary } from '../../../features/orders/new-order-summary';
import { usePlaceOrder } from '../../../features/orders/order-hooks';
import { staffChannels, useOrderLabels } from '../../../features/orders/order-labels';
import { PaymentFields } from '../../../features/orders/payment-fields';
import { PlaceOrderProblem } from '../../../features/orders/place-order-problem';
import { ProductPicker } from '../../../features/orders/product-picker';
import { ShippingMethodPicker } from '../../../features/orders/shipping-method-picker';
import classes from './orders.module.css';

const addressFields: AddressField[] = [
  'name',
  'line1',
  'line2',
  'postalCode',
  'city',
  'region',
  'country',
  'phone',
];
const formPointers = [
  '/channel',
  '/currency',
  '/customer',
  '/customer/id',
  '/customer/name',
  '/customer/email',
  '/customer/phone',
  '/customer/language',
  '/lines',
  ...addressFields.map((field) => `/shippingAddress/${field}`),
  '/shippingMethod',
  '/payment',
  '/payment/token',
  '/payment/kind',
  '/notes',
  '/onShortage',
];
const linePointers = (count: number) =>
  Array.from({ length: count }, (_, index) =>
    ['', '/sku', '/quantity', '/unitPrice', '/discount'].map((part) => `/lines/${index}${part}`),
  ).flat();

/** /admin/orders/new: an order taken by phone, by email, at the counter, or keyed in by hand. */
export function NewOrderPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('orders.new.documentTitle'));
  const navigate = useNavigate();
  const labels = useOrderLabels();
  const place = usePlaceOrder();
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);
  const [draft, setDraft] = useState<NewOrderDraft>(emptyNewOrder);
  const [local, setLocal] = useState<Record<string, string>>({});
  // Lines in the order they were sent: the server's `/lines/i` errors follow the line, not its place now.
  const [sentKeys, setSentKeys] = useState<string[]>([]);
  const [addressFrom, setAddressFrom] = useState<string>();
  // Made when the form opens; a refused order is a new request, so it gets a new key.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const failure = place.error;

  const change = (changes: Partial<NewOrderDraft>) => setDraft((current) => ({ ...current, ...changes }));
  const fieldError = (pointer: string) => local[pointer] ?? problemFieldError(failure, pointer);
  const shortages = problemShortages(failure);
  const lineError = (key: string, field: LineField) => {
    const index = draft.lines.findIndex((line) => line.key === key);
    const mine = local[`/lines/${index}/${field}`];
    if (mine) return mine;
    const sent = sentKeys.indexOf(key);
    if (sent === -1) return undefined;
    if (field === 'quantity') {
      const sku = draft.lines[index]?.sku;
      const short = shortages.find((shortage) => shortage.sku === sku);
      if (short)
        return t('orders.lines.shortage', {
          requested: String(short.requested),
          available: String(short.available),
        });
      return problemFieldError(failure, `/lines/${sent}/quantity`);
    }
    return (
      problemFieldError(failure, `/lines/${sent}/sku`) ??
      problemFieldError(failure, `/lines/${sent}/unitPrice`) ??
      problemFieldError(failure, `/lines/${sent}/discount`) ??
      problemFieldError(failure, `/lines/${sent}`)
    );
  };
  const onShippingMethod = useCallback(
    (shippingMethod: string) => setDraft((current) => ({ ...current, shippingMethod })),
    [],
  );

  function pickCustomer(customer: Customer) {
    const address = defaultAddressOf(customer);
    if (address) {
      change({ address: addressDraftOf(address) });
      setAddressFrom(customer.id);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Enter pressed again while the order is on its way: the first request answers for both.
    if (place.isPending) return;
    const problems = newOrderProblems(draft, t);
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      place.reset();
      focusFirstInvalid();
      return;
    }
    setSentKeys(draft.lines.map((line) => line.key));
    place.mutate(
      { input: newOrderBody(draft), idempotencyKey },
      {
        onSuccess: (order) => navigate(`/admin/orders/${order.id}`),
        onError: (error) => {
          // The server answered and placed nothing; the same key would only replay that answer.
          if (error instanceof ProblemError && error.status < 500) setIdempotencyKey(newIdempotencyKey());
          focusFirstInvalid();
        },
      },
    );
  }

  const shownPointers = [...formPointers, ...linePointers(sentKeys.length)];
  const picked = draft.customer.mode === 'existing' ? draft.customer.picked : null;

  return (
    <Stack gap="lg" maw={1280}>
      <Stack gap={4}>
        <Anchor component={Link} to="/admin/orders" size="sm">
          <Group gap={4} component="span">
            <ArrowLeftIcon size={14} />
            {t('orders.backToList')}
          </Group>
        </Anchor>
        <Title order={1}>{t('orders.new.title')}</Title>
        <Text c="dimmed" maw={760}>
          {t('orders.new.lead')}
        </Text>
      </Stack>

      <form ref={form} onSubmit={submit} noValidate>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="lg">
              <PlaceOrderProblem error={failure} shownPointers={shownPointers} />
              <SectionCard title={t('orders.new.orderTitle')}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <Select
                    id="new-order-channel"
                    label={t('orders.new.channel')}
                    data={staffChannels.map((value) => ({ value, label: labels.channel(value) }))}
                    allowDeselect={false}
                    value={draft.channel}
                    error={fieldError('/channel')}
                    onChange={(channel) =>
                      channel && change({ channel: channel as NewOrderDraft['channel'] })
                    }
                  />
                  <Input.Wrapper
                    label={t('orders.new.currency')}
                    labelElement="div"
                    labelProps={{ id: 'new-order-currency-label' }}
                    error={fieldError('/currency')}
                  >
                    <div>
                      <SegmentedControl
                        aria-labelledby="new-order-currency-label"
                        value={draft.currency}
                        onChange={(currency) => change({ currency })}
                        data={[...orderCurrencies]}
                      />
                    </div>
                  </Input.Wrapper>
                </SimpleGrid>
              </SectionCard>

              <SectionCard title={t('orders.new.customerTitle')}>
                <CustomerPicker
                  value={draft.customer}
                  onChange={(changes) => change({ customer: { ...draft.customer, ...changes } })}
                  onPicked={pickCustomer}
                  fieldError={fieldError}
                />
              </SectionCard>

              <SectionCard title={t('orders.new.linesTitle')}>
                <ProductPicker
                  id="new-order-product"
                  currency={draft.currency}
                  error={fieldError('/lines')}
                  onPick={(variant) => change({ lines: withPickedVariant(draft.lines, variant) })}
                />
                <LineItemsEditor
                  lines={draft.lines}
                  onChange={(lines) => change({ lines })}
                  currency={draft.currency}
                  lineError={lineError}
                />
                <Radio.Group
                  label={t('orders.new.onShortage')}
                  description={t('orders.new.shortageHint')}
                  value={draft.onShortage}
                  error={fieldError('/onShortage')}
                  onChange={(value) => change({ onShortage: value as NewOrderDraft['onShortage'] })}
                >
                  <Group gap="lg" mt="xs">
                    <Radio value="reject" label={t('orders.new.shortageReject')} />
                    <Radio value="backorder" label={t('orders.new.shortageBackorder')} />
                  </Group>
                </Radio.Group>
              </SectionCard>

              <SectionCard title={t('orders.new.deliveryTitle')}>
                {picked && addressFrom === picked.id && (
                  <Text size="sm" c="dimmed">
                    {t('orders.new.addressFilled')}
                  </Text>
                )}
                <AddressFields
                  idPrefix="new-order-address"
                  draft={draft.address}
                  onChange={(changes) => change({ address: { ...draft.address, ...changes } })}
                  fieldError={(field) =>
                    local[`/shippingAddress/${field}`] ??
                    problemFieldErrorWithin(failure, `/shippingAddress/${field}`)
                  }
                />
                <ShippingMethodPicker
                  id="new-order-shipping-method"
                  country={draft.address.country}
                  currency={draft.currency}
                  goods={goodsAmount(draft.lines, draft.currency)}
                  value={draft.shippingMethod}
                  onChange={onShippingMethod}
                  error={fieldError('/shippingMethod')}
                />
              </SectionCard>

              <SectionCard title={t('orders.new.paymentTitle')}>
                <PaymentFields
                  value={draft.payment}
                  onChange={(changes) => change({ payment: { ...draft.payment, ...changes } })}
                  fieldError={fieldError}
                />
                <Textarea
                  id="new-order-notes"
                  label={t('orders.new.notes')}
                  description={t('orders.new.notesDescription')}
                  autosize
                  minRows={2}
                  maxRows={6}
                  maxLength={2000}
                  value={draft.notes}
                  error={fieldError('/notes')}
                  onChange={(event) => change({ notes: event.currentTarget.value })}
                />
              </SectionCard>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <div className={classes.summary}>
              <NewOrderSummary draft={draft} placing={place.isPending} />
            </div>
          </Grid.Col>
        </Grid>
      </form>
    </Stack>
  );
}
