import { describe, expect, it } from 'vitest';
import { backorderArrived, orderConfirmation } from '../../../test/support/mail.ts';
import { MailRenderer, renderMail } from './render.ts';

const languages = ['de', 'en', 'es', 'fr', 'it', 'nl', 'pt', 'sv'];

describe('mail templates', () => {
  it('has the order confirmation in every language the demo customers speak', () => {
    expect(new MailRenderer().languagesOf('order-confirmation')).toEqual(languages);
  });

  it.each(languages)(
    'renders the order confirmation in %s with every variable in all three parts',
    (language) => {
      const mail = renderMail('order-confirmation', language, orderConfirmation());
      expect(mail.language).toBe(language);
      expect(mail.subject).toContain('#1001');
      expect(mail.subject).not.toMatch(/[\r\n]/);
      for (const body of [mail.text, mail.html]) {
        for (const value of [
          'Ana García',
          '#1001',
          '30 nov 2026, 10:00',
          'TEE-BLAC-M',
          'MUG-WHIT',
          '61,95 €',
        ]) {
          expect(body, `${language}: ${value}`).toContain(value);
        }
        expect(body).toContain('−5,00 €');
        expect(body).toContain('jueves, 3 de diciembre de 2026');
        expect(body).toContain('28013 Madrid');
        expect(body).toContain('Pagado con tarjeta');
      }
      expect(mail.text).toContain('http://127.0.0.1:3000/?order=1001');
      // In HTML the link sits in an attribute, escaped the way HTML escapes it.
      expect(mail.html).toContain('href="http://127.0.0.1:3000/?order&#x3D;1001"');
      expect(mail.html).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${language}">`));
      expect(mail.html).toContain(`<title>${mail.subject}</title>`);
      expect(mail.text).not.toMatch(/<[a-z]/i);
      expect(mail.text).not.toContain('{{');
      expect(mail.html).not.toContain('{{');
    },
  );

  it('writes the words of the language asked for', () => {
    const words: Record<string, string> = {
      en: 'Thank you for your order',
      es: 'Gracias por tu pedido',
      de: 'vielen Dank für Ihre Bestellung',
      fr: 'Merci pour votre commande',
      it: 'grazie per il tuo ordine',
      pt: 'Obrigado pela sua encomenda',
      sv: 'tack för din beställning',
      nl: 'bedankt voor je bestelling',
    };
    for (const [language, phrase] of Object.entries(words)) {
      const mail = renderMail('order-confirmation', language, orderConfirmation());
      expect(mail.text, language).toContain(phrase);
      expect(mail.html, language).toContain(phrase);
    }
  });

  const waitingHeadings: Record<string, string> = {
    en: 'Not in stock yet',
    es: 'Aún sin existencias',
    de: 'Noch nicht auf Lager',
    fr: 'Pas encore en stock',
    it: 'Non ancora disponibili',
    pt: 'Ainda sem stock',
    sv: 'Inte i lager än',
    nl: 'Nog niet op voorraad',
  };

  it.each(languages)('tells the customer in %s which items wait for stock, only when some do', (language) => {
    const waiting = [{ title: 'Chaqueta de lana', sku: 'JKT-WOOL-L', quantity: 2 }];
    const mail = renderMail('order-confirmation', language, orderConfirmation({ waiting }));
    for (const body of [mail.text, mail.html]) {
      expect(body, language).toContain(waitingHeadings[language]);
      expect(body, language).toContain('Chaqueta de lana');
      expect(body, language).toContain('JKT-WOOL-L');
    }
    expect(mail.text).toContain('- 2 × Chaqueta de lana (JKT-WOOL-L)');
    expect(mail.html).toContain('× 2');
    const inStock = renderMail('order-confirmation', language, orderConfirmation());
    expect(inStock.text).not.toContain(waitingHeadings[language]);
    expect(inStock.html).not.toContain(waitingHeadings[language]);
    expect(inStock.text).not.toContain('JKT-WOOL-L');
  });

  it('offers to cancel and refund the waiting items, and promises them no date', () => {
    const waiting = [{ title: 'Wool jacket', sku: 'JKT-WOOL-L', quantity: 1 }];
    const mail = renderMail('order-confirmation', 'en', orderConfirmation({ waiting }));
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('we will write to you with their delivery date');
      expect(body).toContain(
        'reply to this email or contact us and we will cancel these items and refund them',
      );
    }
  });

  it('escapes what customers typed in the HTML part and leaves it as written in the text part', () => {
    const mail = renderMail(
      'order-confirmation',
      'en',
      orderConfirmation({
        customerName: 'Ana <script>alert("x")</script> & Co',
        lines: [
          { title: '<img src=x onerror=alert(1)>', sku: 'A&B', quantity: 1, unitPrice: '€1', total: '€1' },
        ],
        shippingAddress: ['<b>Bold</b> Street 1'],
        waiting: [{ title: '<i>Soon</i> & later', sku: 'W<1>', quantity: 1 }],
      }),
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain('<b>Bold');
    expect(mail.html).toContain('Ana &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(mail.html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(mail.text).toContain('Hello Ana <script>alert("x")</script> & Co,');
    expect(mail.text).toContain('<img src=x onerror=alert(1)> (A&B)');
    expect(mail.text).toContain('<b>Bold</b> Street 1');
    expect(mail.html).not.toContain('<i>Soon');
    expect(mail.html).toContain('&lt;i&gt;Soon&lt;/i&gt; &amp; later');
    expect(mail.html).toContain('W&lt;1&gt;');
    expect(mail.text).toContain('- 1 × <i>Soon</i> & later (W<1>)');
  });

  it('keeps the subject on one line whatever the variables hold', () => {
    const mail = renderMail(
      'order-confirmation',
      'en',
      orderConfirmation({ orderNumber: '#1001\r\nBcc: x@evil.example' }),
    );
    expect(mail.subject).toBe('Your order #1001 Bcc: x@evil.example at Ordo Demo Shop is confirmed');
  });

  it('leaves the discount line out when there is none', () => {
    const mail = renderMail('order-confirmation', 'en', orderConfirmation({ discount: null }));
    expect(mail.text).not.toContain('Discount');
    expect(mail.html).not.toContain('Discount');
    expect(renderMail('order-confirmation', 'en', orderConfirmation()).text).toContain('Discount: −5,00 €');
  });

  it.each([
    ['pt-BR', 'pt'],
    ['ES', 'es'],
    ['de-AT', 'de'],
    ['ja', 'en'],
    ['zz-ZZ', 'en'],
    ['', 'en'],
  ])('writes a message asked for in %j in %s', (asked, used) => {
    const mail = renderMail('order-confirmation', asked, orderConfirmation());
    expect(mail.language).toBe(used);
    expect(mail.html).toContain(`<html lang="${used}">`);
  });

  it('refuses to render with a variable missing, rather than send a blank', () => {
    const { tax: _left, ...incomplete } = orderConfirmation();
    expect(() =>
      renderMail('order-confirmation', 'en', incomplete as ReturnType<typeof orderConfirmation>),
    ).toThrow(/tax/);
  });

  it('refuses a template name that is not one plain name', () => {
    const renderer = new MailRenderer();
    expect(() => renderer.languagesOf('../partials')).toThrow(/not a mail template name/);
  });
});

const goodNews: Record<string, string> = {
  en: 'Good news: these items have arrived and are reserved for your order',
  es: 'Buenas noticias: estos artículos han llegado y están reservados para tu pedido',
  de: 'gute Nachrichten: Diese Artikel sind eingetroffen und für Ihre Bestellung',
  fr: 'Bonne nouvelle : ces articles sont arrivés et sont réservés pour votre commande',
  it: 'buone notizie: questi articoli sono arrivati e sono riservati per il tuo ordine',
  pt: 'Boas notícias: estes artigos chegaram e estão reservados para a sua encomenda',
  sv: 'goda nyheter: de här artiklarna har kommit in och är reserverade för din beställning',
  nl: 'goed nieuws: deze artikelen zijn binnengekomen en voor je bestelling',
};

const stillWaitingHeadings: Record<string, string> = {
  en: 'Still waiting for stock',
  es: 'Aún sin existencias',
  de: 'Noch nicht auf Lager',
  fr: 'Pas encore en stock',
  it: 'Non ancora disponibili',
  pt: 'Ainda sem stock',
  sv: 'Inte i lager än',
  nl: 'Nog niet op voorraad',
};

describe('the notice that backordered items arrived', () => {
  it('is written in every language the order confirmation is', () => {
    const renderer = new MailRenderer();
    expect(renderer.languagesOf('backorder-arrived')).toEqual(renderer.languagesOf('order-confirmation'));
    expect(renderer.languagesOf('backorder-arrived')).toEqual(languages);
  });

  it.each(languages)('tells the customer in %s what arrived and when it is expected', (language) => {
    const mail = renderMail('backorder-arrived', language, backorderArrived());
    expect(mail.language).toBe(language);
    expect(mail.subject).toContain('#1001');
    expect(mail.subject).toContain('Ordo Demo Shop');
    for (const body of [mail.text, mail.html]) {
      for (const value of [
        'Ana García',
        '#1001',
        goodNews[language]!,
        'Chaqueta de lana',
        'JKT-WOOL-L',
        'martes, 8 de diciembre de 2026',
      ]) {
        expect(body, `${language}: ${value}`).toContain(value);
      }
      expect(body, language).not.toContain(stillWaitingHeadings[language]);
    }
    expect(mail.text).toContain('- 2 × Chaqueta de lana (JKT-WOOL-L)');
    expect(mail.text).toContain('http://127.0.0.1:3000/?order=1001');
    expect(mail.html).toContain('href="http://127.0.0.1:3000/?order&#x3D;1001"');
    expect(mail.html).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${language}">`));
    expect(mail.html).toContain(`<title>${mail.subject}</title>`);
    expect(mail.text).not.toMatch(/<[a-z]/i);
    expect(mail.text).not.toContain('{{');
    expect(mail.html).not.toContain('{{');
  });

  it.each(['en', 'de', 'es'])('in %s, names what still waits, only when something does', (language) => {
    const stillWaiting = [{ title: 'Gorro de lana', sku: 'HAT-WOOL', quantity: 1 }];
    const mail = renderMail('backorder-arrived', language, backorderArrived({ stillWaiting }));
    for (const body of [mail.text, mail.html]) {
      expect(body, language).toContain(stillWaitingHeadings[language]);
      expect(body, language).toContain('Gorro de lana');
      expect(body, language).toContain('HAT-WOOL');
    }
    expect(mail.text).toContain('- 1 × Gorro de lana (HAT-WOOL)');
    const none = renderMail('backorder-arrived', language, backorderArrived());
    expect(none.text).not.toContain('HAT-WOOL');
    expect(none.html).not.toContain('HAT-WOOL');
  });

  it('offers to cancel and refund what still waits', () => {
    const stillWaiting = [{ title: 'Wool hat', sku: 'HAT-WOOL', quantity: 1 }];
    const mail = renderMail('backorder-arrived', 'en', backorderArrived({ stillWaiting }));
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain(
        'If you would rather not wait for them, reply to this email or contact us and we will cancel them and refund them.',
      );
    }
  });

  it('promises no date it does not know', () => {
    const mail = renderMail('backorder-arrived', 'en', backorderArrived({ promisedDeliveryDate: null }));
    for (const body of [mail.text, mail.html]) {
      expect(body).not.toContain('Expected delivery');
      expect(body).toContain(
        'We will write to you with the delivery date once the rest of your order has arrived.',
      );
    }
    const dated = renderMail('backorder-arrived', 'en', backorderArrived());
    expect(dated.text).toContain('Expected delivery: martes, 8 de diciembre de 2026');
    expect(dated.text).not.toContain('We will write to you with the delivery date');
  });

  it('escapes what customers and the catalog typed in the HTML part, and leaves the text part as written', () => {
    const mail = renderMail(
      'backorder-arrived',
      'en',
      backorderArrived({
        customerName: 'Ana <script>x</script>',
        items: [{ title: '<img src=x onerror=alert(1)>', sku: 'A&B', quantity: 1 }],
        stillWaiting: [{ title: '<b>Later</b>', sku: 'C"D', quantity: 3 }],
      }),
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain('<b>Later');
    expect(mail.html).toContain('Ana &lt;script&gt;x&lt;/script&gt;');
    expect(mail.html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(mail.html).toContain('A&amp;B');
    expect(mail.html).toContain('C&quot;D');
    expect(mail.text).toContain('Hello Ana <script>x</script>,');
    expect(mail.text).toContain('- 1 × <img src=x onerror=alert(1)> (A&B)');
    expect(mail.text).toContain('- 3 × <b>Later</b> (C"D)');
  });

  it('keeps the subject on one line whatever the order number holds', () => {
    const mail = renderMail(
      'backorder-arrived',
      'en',
      backorderArrived({ orderNumber: '#1\r\nBcc: x@evil.example' }),
    );
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});
