import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { rootDir } from '../../root.ts';

/** An item as a notice names it: what it is and how many. */
export interface MailItem {
  title: string;
  sku: string;
  quantity: number;
}

/**
 * What the order confirmation needs. Money, dates and the payment status arrive formatted in the
 * customer's language: the template only places words, it never computes.
 */
export interface OrderConfirmationVariables {
  shopName: string;
  customerName: string;
  orderNumber: string;
  placedAt: string;
  lines: { title: string; sku: string; quantity: number; unitPrice: string; total: string }[];
  /**
   * Items not in stock yet, with the units that wait (quantity), reserved when they arrive. Empty
   * when everything is in stock: the section that tells the customer is left out.
   */
  waiting: MailItem[];
  subtotal: string;
  /** null (or '') when the order has no discount: the line is left out. */
  discount: string | null;
  shipping: string;
  tax: string;
  total: string;
  promisedDeliveryDate: string;
  shippingAddress: string[];
  paymentStatus: string;
  portalUrl: string;
}

/**
 * What the notice that backordered items arrived needs: they are reserved for the order now, and
 * the customer may still cancel whatever waits.
 */
export interface BackorderArrivedVariables {
  shopName: string;
  customerName: string;
  orderNumber: string;
  /** What arrived and is reserved for the order, with the units that arrived. */
  items: MailItem[];
  /** What still waits for stock; empty when nothing does, and the section is left out. */
  stillWaiting: MailItem[];
  /** The expected delivery, formatted; null while it is not known (the message says so). */
  promisedDeliveryDate: string | null;
  portalUrl: string;
}

/** Every template and the variables it takes; a new template adds its entry here. */
export interface MailTemplates {
  'order-confirmation': OrderConfirmationVariables;
  'backorder-arrived': BackorderArrivedVariables;
}
export type MailTemplateName = keyof MailTemplates;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  /** The language the message is written in: the one asked for, or the fallback. */
  language: string;
}

export const fallbackLanguage = 'en';

/**
 * Templates stay files in the checkout: `rootDir` is the checkout both from the sources and from
 * the server bundle (dist/server.mjs), so the same address finds them either way.
 */
export const mailTemplatesDir = join(rootDir, 'src', 'platform', 'mail', 'templates');

const parts = ['subject', 'text', 'html'] as const;
type Part = (typeof parts)[number];
type Compiled = Record<Part, Handlebars.TemplateDelegate>;

/** Compiles templates on first use and keeps them; templates change with a release, not at run time. */
export class MailRenderer {
  readonly #dir: string;
  readonly #handlebars = Handlebars.create();
  readonly #languages = new Map<string, string[]>();
  readonly #compiled = new Map<string, Compiled>();

  constructor(dir: string = mailTemplatesDir) {
    this.#dir = dir;
    const partials = join(dir, 'partials');
    for (const file of readdirSync(partials)) {
      if (!file.endsWith('.hbs')) continue;
      // Compiled here, as HTML: left as text, a partial would be compiled with the options of
      // whichever template used it first, escaping or not.
      const compiled = this.#handlebars.compile(read(join(partials, file)), { strict: true });
      this.#handlebars.registerPartial(file.slice(0, -'.hbs'.length), compiled);
    }
  }

  /** Languages a template is written in, e.g. `['de', 'en', 'es']`. */
  languagesOf(template: string): string[] {
    let languages = this.#languages.get(template);
    if (!languages) {
      const files = readdirSync(this.#templateDir(template));
      languages = files
        .filter((file) => file.endsWith('.subject.hbs'))
        .map((file) => file.slice(0, -'.subject.hbs'.length))
        .sort();
      this.#languages.set(template, languages);
    }
    return languages;
  }

  /**
   * The language to write in: the one asked for (`pt-BR`), else its base language (`pt`), else
   * English. Matching ignores case, as BCP 47 tags do.
   */
  resolveLanguage(template: string, language: string): string {
    const available = this.languagesOf(template);
    const find = (tag: string) => available.find((l) => l.toLowerCase() === tag.toLowerCase());
    const base = language.split('-')[0] ?? '';
    const found = find(language) ?? find(base) ?? find(fallbackLanguage);
    if (!found) throw new Error(`mail template ${template} has no ${fallbackLanguage} version`);
    return found;
  }

  render<T extends MailTemplateName>(
    template: T,
    language: string,
    variables: MailTemplates[T],
  ): RenderedMail {
    const resolved = this.resolveLanguage(template, language);
    const compiled = this.#compile(template, resolved);
    const data = { language: resolved };
    // A subject is one header line: whatever the variables hold, it stays one line.
    const subject = compiled.subject(variables, { data }).replace(/\s+/g, ' ').trim();
    return {
      subject,
      text: compiled.text(variables, { data }),
      html: compiled.html(variables, { data: { ...data, subject } }),
      language: resolved,
    };
  }

  #templateDir(template: string): string {
    // Template names come from code, but a name is still a path here: keep it one plain segment.
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(template)) throw new Error(`not a mail template name: ${template}`);
    return join(this.#dir, template);
  }

  #compile(template: string, language: string): Compiled {
    const key = `${template}/${language}`;
    let compiled = this.#compiled.get(key);
    if (!compiled) {
      const source = (part: Part) => read(join(this.#templateDir(template), `${language}.${part}.hbs`));
      // Strict: a variable the template names but the caller left out is an error, not a blank.
      // Only the HTML part escapes; text and subject are plain text, shown as written.
      compiled = {
        subject: this.#handlebars.compile(source('subject'), { strict: true, noEscape: true }),
        text: this.#handlebars.compile(source('text'), { strict: true, noEscape: true }),
        html: this.#handlebars.compile(source('html'), { strict: true }),
      };
      this.#compiled.set(key, compiled);
    }
    return compiled;
  }
}

function read(path: string): string {
  return readFileSync(path, 'utf8');
}

let shared: MailRenderer | undefined;

/** Renders a template's subject, plain text and HTML in `language`, falling back to English. */
export function renderMail<T extends MailTemplateName>(
  template: T,
  language: string,
  variables: MailTemplates[T],
): RenderedMail {
  shared ??= new MailRenderer();
  return shared.render(template, language, variables);
}
