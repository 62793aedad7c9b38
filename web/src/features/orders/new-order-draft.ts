import type { TFunction } from 'i18next';
import type { Channel } from '../../../../src/modules/orders/tables.ts';
import type { AddressDraft } from '../customers/address-fields';
import { emptyAddress, missingAddressFields } from '../customers/address-fields';
import type { Address, Customer } from '../customers/customer-hooks';
import { type LineDraft, linesToSend, parseQuantity } from './line-draft';
import type { NewOrderAddress, PlaceOrderInput } from './order-hooks';
import type { ManualKind } from './order-labels';

/** The currencies the shop prices its catalog in. */
export const orderCurrencies = ['EUR', 'USD'] as const;

export interface CustomerDraft {
  mode: 'existing' | 'new';
  picked: Customer | null;
  name: string;
  email: string;
  phone: string;
  language: string;
}

export interface PaymentDraft {
  method: 'card' | 'manual';
  token: string;
  kind: ManualKind;
}

/** An order being keyed in by staff, every field as typed. */
export interface NewOrderDraft {
  channel: Channel;
  currency: string;
  customer: CustomerDraft;
  lines: LineDraft[];
  address: AddressDraft;
  shippingMethod: string | null;
  payment: PaymentDraft;
  notes: string;
  onShortage: 'reject' | 'backorder';
}

export function emptyNewOrder(): NewOrderDraft {
  return {
    channel: 'phone',
    currency: 'EUR',
    customer: { mode: 'existing', picked: null, name: '', email: '', phone: '', language: 'en' },
    lines: [],
    address: emptyAddress(),
    shippingMethod: null,
    payment: { method: 'card', token: '', kind: 'invoice' },
    notes: '',
    onShortage: 'reject',
  };
}

/** A saved address (a customer's, or an order's) as the form holds it. */
export function addressDraftOf(address: Omit<Address, 'id' | 'isDefault'>): AddressDraft {
  return {
    name: address.name,
    line1: address.line1,
    line2: address.line2 ?? '',
    postalCode: address.postalCode ?? '',
    city: address.city,
    region: address.region ?? '',
    country: address.country,
    phone: address.phone ?? '',
  };
}

export function defaultAddressOf(customer: Customer): Address | undefined {
  return customer.addresses.find((address) => address.isDefault) ?? customer.addresses[0];
}

/**
 * What the form can tell is missing before asking the server, under the pointer the server would
 * use for it (`/customer/name`, `/lines/0/quantity`, `/shippingAddress/city`…).
 */
export function newOrderProblems(draft: NewOrderDraft, t: TFunction): Record<string, string> {
  const problems: Record<string, string> = {};
  const { customer } = draft;
  if (customer.mode === 'existing' && !customer.picked)
    problems['/customer'] = t('orders.new.customerRequired');
  if (customer.mode === 'new') {
    if (!customer.name.trim()) problems['/customer/name'] = t('orders.new.customerNameRequired');
    if (!customer.email.trim() && !customer.phone.trim())
      problems['/customer'] = t('orders.new.customerContactRequired');
  }
  if (draft.lines.length === 0) problems['/lines'] = t('orders.new.linesRequired');
  draft.lines.forEach((line, index) => {
    if (parseQuantity(line.quantity) === null)
      problems[`/lines/${index}/quantity`] = t('orders.lines.quantityInvalid');
  });
  for (const [field, problem] of Object.entries(missingAddressFields(draft.address, t)))
    if (problem) problems[`/shippingAddress/${field}`] = problem;
  if (draft.address.country && !draft.shippingMethod)
    problems['/shippingMethod'] = t('orders.shipping.required');
  if (draft.payment.method === 'card' && !draft.payment.token.trim())
    problems['/payment/token'] = t('orders.new.cardTokenRequired');
  return problems;
}

const optional = (value: string) => (value.trim() === '' ? null : value.trim());

export function orderAddressOf(address: AddressDraft): NewOrderAddress {
  return {
    name: address.name.trim(),
    line1: address.line1.trim(),
    line2: optional(address.line2),
    city: address.city.trim(),
    region: optional(address.region),
    postalCode: optional(address.postalCode),
    country: address.country ?? '',
    phone: optional(address.phone),
  };
}

/** The POST /api/v1/orders body for a draft the form found nothing wrong with. */
export function newOrderBody(draft: NewOrderDraft): PlaceOrderInput {
  const { customer, payment } = draft;
  return {
    channel: draft.channel,
    currency: draft.currency,
    customer:
      customer.mode === 'existing' && customer.picked
        ? { id: customer.picked.id }
        : {
            name: customer.name.trim(),
            email: optional(customer.email),
            phone: optional(customer.phone),
            language: customer.language,
          },
    lines: linesToSend(draft.lines),
    shippingAddress: orderAddressOf(draft.address),
    shippingMethod: draft.shippingMethod ?? '',
    payment:
      payment.method === 'card'
        ? { method: 'card', token: payment.token.trim() }
        : { method: 'manual', kind: payment.kind },
    notes: optional(draft.notes),
    onShortage: draft.onShortage,
  };
}
