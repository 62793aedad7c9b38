import { systemActor } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { gtinCheckDigit } from './gtin.ts';
import type { CatalogDatabase } from './queries.ts';
import type { CreateProductBody } from './schema.ts';
import { createProduct } from './service.ts';

interface Line {
  title: string;
  code: string;
  eur: number;
  usd: number;
  sizes?: string[];
  colours?: string[];
  weight: number;
  hs: string;
  origin: string;
  tax?: 'standard' | 'reduced';
  description: string;
  backorderable?: boolean;
}

const apparel = ['S', 'M', 'L', 'XL'];
// A small outdoor-and-home shop: clothing in sizes and colours, goods without options.
const lines: Line[] = [
  {
    title: 'Organic cotton tee',
    code: 'TEE',
    eur: 1999,
    usd: 2199,
    sizes: apparel,
    colours: ['Black', 'White', 'Navy'],
    weight: 180,
    hs: '610910',
    origin: 'PT',
    description: 'Heavyweight organic cotton, cut and sewn in Porto.',
  },
  {
    title: 'Merino crew sweater',
    code: 'SWT',
    eur: 8900,
    usd: 9900,
    sizes: apparel,
    colours: ['Charcoal', 'Oat'],
    weight: 420,
    hs: '611011',
    origin: 'IT',
    description: 'Extra-fine merino, knitted in Biella.',
  },
  {
    title: 'Hooded sweatshirt',
    code: 'HOOD',
    eur: 5900,
    usd: 6500,
    sizes: apparel,
    colours: ['Forest', 'Grey marl'],
    weight: 560,
    hs: '611020',
    origin: 'PT',
    description: 'Brushed-back loopback cotton with a double-layer hood.',
  },
  {
    title: 'Rain shell jacket',
    code: 'RAIN',
    eur: 14900,
    usd: 16500,
    sizes: apparel,
    colours: ['Yellow', 'Black'],
    weight: 380,
    hs: '620193',
    origin: 'VN',
    description: 'Fully taped seams, packs into its own pocket.',
  },
  {
    title: 'Wool hiking socks',
    code: 'SOCK',
    eur: 1800,
    usd: 1900,
    sizes: ['S', 'M', 'L'],
    colours: ['Grey', 'Rust'],
    weight: 90,
    hs: '611595',
    origin: 'PT',
    description: 'Cushioned merino blend for long days on the trail.',
    backorderable: true,
  },
  {
    title: 'Canvas tote bag',
    code: 'TOTE',
    eur: 2400,
    usd: 2600,
    colours: ['Natural', 'Black'],
    weight: 300,
    hs: '420222',
    origin: 'IN',
    description: '16 oz canvas with leather handles.',
  },
  {
    title: 'Beanie',
    code: 'BEAN',
    eur: 2500,
    usd: 2700,
    colours: ['Mustard', 'Navy', 'Black'],
    weight: 80,
    hs: '650500',
    origin: 'GB',
    description: 'Ribbed lambswool, one size.',
  },
  {
    title: 'Baseball cap',
    code: 'CAP',
    eur: 2900,
    usd: 3100,
    colours: ['Olive', 'Stone'],
    weight: 110,
    hs: '650500',
    origin: 'US',
    description: 'Six-panel cotton twill with a brass buckle.',
  },
  {
    title: 'Stoneware mug',
    code: 'MUG',
    eur: 1600,
    usd: 1800,
    colours: ['Speckled white', 'Moss'],
    weight: 380,
    hs: '691200',
    origin: 'PT',
    description: 'Hand-glazed, 350 ml, dishwasher safe.',
  },
  {
    title: 'Enamel camp mug',
    code: 'CAMP',
    eur: 1400,
    usd: 1500,
    colours: ['Blue', 'Red'],
    weight: 160,
    hs: '732393',
    origin: 'DE',
    description: 'Steel core with a rolled rim.',
  },
  {
    title: 'Insulated bottle 750 ml',
    code: 'BTL',
    eur: 3200,
    usd: 3500,
    colours: ['Steel', 'Sage'],
    weight: 390,
    hs: '961700',
    origin: 'CN',
    description: 'Keeps drinks cold for 24 hours, hot for 12.',
  },
  {
    title: 'Ground coffee, house blend',
    code: 'COF',
    eur: 1250,
    usd: 1350,
    weight: 260,
    hs: '090121',
    origin: 'CO',
    tax: 'reduced',
    description: '250 g, medium roast, notes of cocoa and plum.',
  },
  {
    title: 'Single-origin espresso beans',
    code: 'ESP',
    eur: 1650,
    usd: 1800,
    weight: 260,
    hs: '090121',
    origin: 'ET',
    tax: 'reduced',
    description: '250 g whole beans from Yirgacheffe.',
  },
  {
    title: 'Loose-leaf breakfast tea',
    code: 'TEA',
    eur: 990,
    usd: 1090,
    weight: 120,
    hs: '090240',
    origin: 'IN',
    tax: 'reduced',
    description: '100 g of Assam and Ceylon.',
  },
  {
    title: 'Dark chocolate bar 70%',
    code: 'CHOC',
    eur: 450,
    usd: 490,
    weight: 80,
    hs: '180632',
    origin: 'BE',
    tax: 'reduced',
    description: 'Bean-to-bar, 70 g.',
  },
  {
    title: 'Soy candle',
    code: 'CNDL',
    eur: 2200,
    usd: 2400,
    colours: ['Fig', 'Cedar', 'Sea salt'],
    weight: 420,
    hs: '340600',
    origin: 'GB',
    description: 'Hand-poured, 45 hours of burn time.',
  },
  {
    title: 'Linen tea towel',
    code: 'TOWL',
    eur: 1400,
    usd: 1500,
    colours: ['Stripe', 'Check'],
    weight: 90,
    hs: '630259',
    origin: 'LT',
    description: 'Stonewashed Baltic linen.',
  },
  {
    title: 'A5 dot-grid notebook',
    code: 'NOTE',
    eur: 1500,
    usd: 1600,
    colours: ['Kraft', 'Black'],
    weight: 240,
    hs: '482010',
    origin: 'DE',
    description: '192 pages of 100 g paper, lay-flat binding.',
  },
  {
    title: 'Fountain pen',
    code: 'PEN',
    eur: 3900,
    usd: 4200,
    colours: ['Matte black', 'Brass'],
    weight: 35,
    hs: '960831',
    origin: 'JP',
    description: 'Steel nib, converter included.',
  },
  {
    title: 'Wool picnic blanket',
    code: 'BLNK',
    eur: 9500,
    usd: 10500,
    weight: 1400,
    hs: '630120',
    origin: 'GB',
    description: 'Waterproof backing, leather carry strap.',
  },
  {
    title: 'Folding camp chair',
    code: 'CHR',
    eur: 7900,
    usd: 8900,
    weight: 2300,
    hs: '940171',
    origin: 'CN',
    description: 'Aluminium frame, holds 120 kg.',
    backorderable: true,
  },
  {
    title: 'Headlamp 400 lm',
    code: 'LAMP',
    eur: 4500,
    usd: 4900,
    weight: 85,
    hs: '851310',
    origin: 'CN',
    description: 'USB-C rechargeable, red night mode.',
  },
  {
    title: 'Linen shirt',
    code: 'LINS',
    eur: 6900,
    usd: 7500,
    sizes: apparel,
    colours: ['White', 'Sky'],
    weight: 220,
    hs: '620520',
    origin: 'PT',
    description: 'Garment-dyed European linen with corozo buttons.',
  },
  {
    title: 'Chino trousers',
    code: 'CHIN',
    eur: 7900,
    usd: 8500,
    sizes: ['30', '32', '34', '36'],
    colours: ['Khaki', 'Navy'],
    weight: 520,
    hs: '620342',
    origin: 'TN',
    description: 'Stretch cotton twill, tapered leg.',
  },
  {
    title: 'Leather belt',
    code: 'BELT',
    eur: 4900,
    usd: 5400,
    sizes: ['S', 'M', 'L'],
    colours: ['Brown', 'Black'],
    weight: 180,
    hs: '420330',
    origin: 'ES',
    description: 'Vegetable-tanned leather from Ubrique, solid brass buckle.',
  },
  {
    title: 'Waxed cotton apron',
    code: 'APRN',
    eur: 4500,
    usd: 4900,
    weight: 450,
    hs: '621149',
    origin: 'GB',
    description: 'Cross-back straps, two front pockets.',
  },
  {
    title: 'Cast iron skillet 26 cm',
    code: 'SKIL',
    eur: 5500,
    usd: 5900,
    weight: 2600,
    hs: '732111',
    origin: 'DE',
    description: 'Pre-seasoned, works on induction and open fire.',
  },
  {
    title: 'Extra virgin olive oil 500 ml',
    code: 'OIL',
    eur: 1390,
    usd: 1490,
    weight: 900,
    hs: '150920',
    origin: 'ES',
    tax: 'reduced',
    description: 'Cold-pressed Picual from Jaén.',
  },
  {
    title: 'Wildflower honey 250 g',
    code: 'HONY',
    eur: 890,
    usd: 990,
    weight: 350,
    hs: '040900',
    origin: 'PT',
    tax: 'reduced',
    description: 'Raw honey from the Serra da Estrela.',
  },
  {
    title: 'Cedar bird feeder',
    code: 'BIRD',
    eur: 3500,
    usd: 3800,
    weight: 900,
    hs: '442199',
    origin: 'PL',
    description: 'Untreated cedar with a copper roof.',
  },
  {
    title: 'Trail running cap',
    code: 'TCAP',
    eur: 2700,
    usd: 2900,
    colours: ['White', 'Black'],
    weight: 60,
    hs: '650500',
    origin: 'VN',
    description: 'Quick-dry fabric with reflective details.',
  },
];

/** An in-store EAN-13 (prefix 200–299 is reserved for a shop's own numbering). */
function barcode(n: number): string {
  const body = `2000${String(n).padStart(8, '0')}`;
  return body + gtinCheckDigit(body);
}

/** The demo catalog: every line in each of its colours, sized where it has sizes. */
export function demoProducts(): CreateProductBody[] {
  let serial = 0;
  const products: CreateProductBody[] = [];
  for (const line of lines) {
    for (const colour of line.colours ?? [null]) {
      const title = colour ? `${line.title}, ${colour.toLowerCase()}` : line.title;
      const colourCode = colour
        ? `-${colour
            .replace(/[^A-Za-z]/g, '')
            .slice(0, 4)
            .toUpperCase()}`
        : '';
      const sizes = line.sizes ?? [null];
      products.push({
        title,
        description: line.description,
        status: 'active',
        options: line.sizes ? [{ name: 'Size', values: line.sizes }] : [],
        hsCode: line.hs,
        countryOfOrigin: line.origin,
        taxClass: line.tax ?? 'standard',
        returnable: line.tax !== 'reduced',
        variants: sizes.map((size) => ({
          sku: `${line.code}${colourCode}${size ? `-${size}` : ''}`,
          barcode: barcode(++serial),
          ...(size ? { optionValues: { Size: size } } : {}),
          weightGrams: line.weight,
          backorderable: line.backorderable ?? false,
          prices: [
            { currency: 'EUR', amount: line.eur + (size === 'XL' ? 200 : 0) },
            { currency: 'USD', amount: line.usd + (size === 'XL' ? 200 : 0) },
          ],
        })),
      });
    }
  }
  return products;
}

export async function seedDemoCatalog(database: CatalogDatabase, clock: Clock): Promise<string> {
  const products = demoProducts();
  for (const product of products) await createProduct(database, clock, systemActor, product);
  const variants = products.reduce((n, p) => n + p.variants.length, 0);
  return `${products.length} products with ${variants} variants, priced in EUR and USD`;
}
