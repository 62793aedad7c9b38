import type { OrderConfirmationVariables } from '../../src/platform/mail/render.ts';

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
