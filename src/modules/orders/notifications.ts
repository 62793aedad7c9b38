import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import type { Subscriber } from '../../platform/events/dispatcher.ts';
import {
  type BackorderArrivedVariables,
  type OrderConfirmationVariables,
  queueMail,
  queueMailOnce,
} from '../../platform/mail/index.ts';
import { format, money } from '../../platform/money.ts';
import type { BackorderAllocated } from './backorders.ts';
import { getOrder } from './queries.ts';
import type { OrderReply } from './schema.ts';

/** How the confirmation names the payment, in the customer's language. */
const paymentWords: Record<string, Record<string, string>> = {
  en: {
    authorized: 'Card authorised; charged when your order ships',
    pending: 'To be paid as agreed (invoice, transfer or on delivery)',
    captured: 'Paid',
  },
  es: {
    authorized: 'Tarjeta autorizada; el cargo se hace al enviar el pedido',
    pending: 'Pago según lo acordado (factura, transferencia o contra reembolso)',
    captured: 'Pagado',
  },
  de: {
    authorized: 'Karte autorisiert; belastet beim Versand',
    pending: 'Zahlung wie vereinbart (Rechnung, Überweisung oder Nachnahme)',
    captured: 'Bezahlt',
  },
  fr: {
    authorized: "Carte autorisée ; débitée à l'expédition",
    pending: 'Paiement comme convenu (facture, virement ou à la livraison)',
    captured: 'Payé',
  },
  it: {
    authorized: 'Carta autorizzata; addebito alla spedizione',
    pending: 'Pagamento come concordato (fattura, bonifico o alla consegna)',
    captured: 'Pagato',
  },
  pt: {
    authorized: 'Cartão autorizado; cobrado quando a encomenda for enviada',
    pending: 'Pagamento conforme combinado (fatura, transferência ou à cobrança)',
    captured: 'Pago',
  },
  sv: {
    authorized: 'Kortet är godkänt; dras när ordern skickas',
    pending: 'Betalas enligt överenskommelse (faktura, överföring eller vid leverans)',
    captured: 'Betald',
  },
  nl: {
    authorized: 'Kaart geautoriseerd; afgeschreven bij verzending',
    pending: 'Betaling zoals afgesproken (factuur, overboeking of onder rembours)',
    captured: 'Betaald',
  },
};

export interface NotificationDeps {
  database: Database<Tables>;
  clock: Clock;
  shopName: string;
  publicUrl: string;
}

/** The promised delivery date in the customer's words, e.g. `jueves, 3 de diciembre de 2026`. */
function deliveryDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

const portalUrl = (publicUrl: string) => `${publicUrl.replace(/\/$/, '')}/`;

/** The order's lines that wait for stock, with the units that wait. */
function waitingItems(order: OrderReply) {
  return order.lines
    .filter((l) => l.backordered > 0)
    .map((l) => ({ title: l.title, sku: l.sku, quantity: l.backordered }));
}

export function confirmationVariables(
  order: OrderReply,
  shopName: string,
  publicUrl: string,
): OrderConfirmationVariables {
  const locale = order.language;
  const m = (amount: number) => format(money(amount, order.currency), locale);
  const words = paymentWords[locale.slice(0, 2)] ?? paymentWords.en!;
  const a = order.shippingAddress;
  return {
    shopName,
    customerName: order.customerName,
    orderNumber: String(order.number),
    placedAt: new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(new Date(order.placedAt)),
    lines: order.lines
      .filter((l) => l.quantity > 0)
      .map((l) => ({
        title: l.title,
        sku: l.sku,
        quantity: l.quantity,
        unitPrice: m(l.unitPrice),
        total: m(l.total),
      })),
    waiting: waitingItems(order),
    subtotal: m(order.totals.subtotal),
    discount: order.totals.discount > 0 ? m(-order.totals.discount) : null,
    shipping: m(order.totals.shipping),
    tax: m(order.totals.tax),
    total: m(order.totals.total),
    promisedDeliveryDate: order.promisedDeliveryDate ? deliveryDate(order.promisedDeliveryDate, locale) : '—',
    shippingAddress: [
      a.name,
      a.line1,
      a.line2,
      [a.postalCode, a.city].filter(Boolean).join(' '),
      a.region,
      a.country,
    ].filter((x): x is string => !!x),
    paymentStatus: words[order.paymentStatus] ?? order.paymentStatus,
    portalUrl: portalUrl(publicUrl),
  };
}

/**
 * Sends the order confirmation to the customer in their language once an order is placed. Runs
 * from the outbox (at least once), so it first looks whether the confirmation was already queued.
 */
export function orderConfirmationSubscriber(deps: NotificationDeps): Subscriber {
  return {
    name: 'orders.confirmation-email',
    events: ['order.placed'],
    handle: async (event) => {
      const { orderId } = event.payload as { orderId: string };
      const order = await getOrder(deps.database.db, orderId);
      if (!order.email) return;
      await withTransaction(deps.database, async (trx) => {
        const sent = await trx
          .selectFrom('outgoingMail')
          .select('id')
          .where('referenceType', '=', 'order')
          .where('referenceId', '=', orderId)
          .where('template', '=', 'order-confirmation')
          .executeTakeFirst();
        if (sent) return;
        await queueMail(trx, deps.clock.now(), {
          to: { address: order.email!, name: order.customerName },
          template: 'order-confirmation',
          language: order.language,
          variables: confirmationVariables(order, deps.shopName, deps.publicUrl),
          reference: { type: 'order', id: orderId },
        });
      });
    },
  };
}

/**
 * What the arrival notice says: the units that arrived, what of the order still waits now, and the
 * delivery date once nothing waits (while something does, the order's date is not the new one).
 */
export function backorderArrivedVariables(
  order: OrderReply,
  arrived: Pick<BackorderAllocated, 'sku' | 'units'>,
  shopName: string,
  publicUrl: string,
): BackorderArrivedVariables {
  const stillWaiting = waitingItems(order);
  const title = order.lines.find((l) => l.sku === arrived.sku)?.title ?? arrived.sku;
  return {
    shopName,
    customerName: order.customerName,
    orderNumber: String(order.number),
    items: [{ title, sku: arrived.sku, quantity: arrived.units }],
    stillWaiting,
    promisedDeliveryDate:
      stillWaiting.length === 0 && order.promisedDeliveryDate
        ? deliveryDate(order.promisedDeliveryDate, order.language)
        : null,
    portalUrl: portalUrl(publicUrl),
  };
}

/**
 * Tells the customer that backordered items arrived and are reserved for their order, and what
 * still waits. Events arrive at least once: the message is queued once per event, keyed by the
 * event's id (`backorder-arrived:evt_…`), so a handler that runs again writes nothing more.
 */
export function backorderArrivedSubscriber(deps: NotificationDeps): Subscriber {
  return {
    name: 'orders.backorder-arrived-email',
    events: ['order.backorder_allocated'],
    handle: async (event) => {
      const arrived = event.payload as BackorderAllocated;
      const order = await getOrder(deps.database.db, arrived.orderId);
      // A cancelled order gave its stock back: nothing is reserved for it any more.
      if (!order.email || order.status === 'cancelled') return;
      await withTransaction(deps.database, (trx) =>
        queueMailOnce(trx, deps.clock.now(), `backorder-arrived:${event.id}`, {
          to: { address: order.email!, name: order.customerName },
          template: 'backorder-arrived',
          language: order.language,
          variables: backorderArrivedVariables(order, arrived, deps.shopName, deps.publicUrl),
          reference: { type: 'order', id: order.id },
        }),
      );
    },
  };
}
