import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type {
  BackorderArrivedVariables,
  OrderConfirmationVariables,
} from '../../src/platform/mail/render.ts';

/** An order confirmation's variables as the orders module would pass them; override what a test is about. */
export function orderConfirmation(
  overrides: Partial<OrderConfirmationVariables> = {},
): OrderConfirmationVariables {
  return {
    shopName: 'Ordo Demo Shop',
    customerName: 'Ana García',
    orderNumber: '#1001',
    placedAt: '30 nov 2026, 10:00',
    lines: [
      { title: 'Camiseta orgánica', sku: 'TEE-BLAC-M', quantity: 2, unitPrice: '25,00 €', total: '50,00 €' },
      { title: 'Taza de cerámica', sku: 'MUG-WHIT', quantity: 1, unitPrice: '12,00 €', total: '12,00 €' },
    ],
    waiting: [],
    subtotal: '62,00 €',
    discount: '−5,00 €',
    shipping: '4,95 €',
    tax: '11,62 €',
    total: '61,95 €',
    promisedDeliveryDate: 'jueves, 3 de diciembre de 2026',
    shippingAddress: ['Ana García', 'Calle Mayor 1', '28013 Madrid', 'España'],
    paymentStatus: 'Pagado con tarjeta',
    portalUrl: 'http://127.0.0.1:3000/?order=1001',
    ...overrides,
  };
}

/** The variables of the notice that backordered items arrived; override what a test is about. */
export function backorderArrived(
  overrides: Partial<BackorderArrivedVariables> = {},
): BackorderArrivedVariables {
  return {
    shopName: 'Ordo Demo Shop',
    customerName: 'Ana García',
    orderNumber: '#1001',
    items: [{ title: 'Chaqueta de lana', sku: 'JKT-WOOL-L', quantity: 2 }],
    stillWaiting: [],
    promisedDeliveryDate: 'martes, 8 de diciembre de 2026',
    portalUrl: 'http://127.0.0.1:3000/?order=1001',
    ...overrides,
  };
}

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  parsed: ParsedMail;
}

/**
 * A real SMTP server on loopback that parses what it receives. Plain SMTP without STARTTLS, as
 * a relay on the same machine would be; `rejectRecipients` answers RCPT TO with a 550.
 */
export async function startSmtpReceiver(options: { rejectRecipients?: boolean } = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!options.rejectRecipients) return callback();
      const error = Object.assign(new Error(`no mailbox here for ${address.address}`), { responseCode: 550 });
      return callback(error);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            parsed,
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An smtp:// URL where nothing listens: a port that was free a moment ago. */
export async function unreachableSmtpUrl(): Promise<string> {
  const receiver = await startSmtpReceiver();
  await receiver.close();
  return receiver.url;
}
