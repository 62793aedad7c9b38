import { systemActor } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { CustomerDatabase } from './queries.ts';
import type { CreateCustomerBody } from './schema.ts';
import { createCustomer } from './service.ts';

interface Country {
  code: string;
  language: string;
  first: string[];
  last: string[];
  places: [city: string, postalCode: string, street: string][];
  /** A valid mobile number for a serial: the digits vary, the format stays valid. */
  phone: (n: number) => string;
  domain: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

const countries: Country[] = [
  {
    code: 'ES',
    language: 'es',
    domain: 'example.es',
    first: ['Ana', 'Lucía', 'Javier', 'Carmen', 'Pablo', 'Marta', 'Diego', 'Elena'],
    last: ['García', 'Martínez', 'López', 'Sánchez', 'Romero', 'Navarro'],
    places: [
      ['Madrid', '28013', 'Calle Mayor'],
      ['Barcelona', '08002', 'Carrer de Ferran'],
      ['Sevilla', '41004', 'Calle Sierpes'],
      ['Valencia', '46002', 'Carrer de la Pau'],
    ],
    phone: (n) => `+34 6${pad(n, 8)}`,
  },
  {
    code: 'DE',
    language: 'de',
    domain: 'example.de',
    first: ['Lena', 'Jonas', 'Sophie', 'Lukas', 'Marie', 'Felix', 'Hannah', 'Paul'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Wagner'],
    places: [
      ['Berlin', '10115', 'Invalidenstraße'],
      ['München', '80331', 'Sendlinger Straße'],
      ['Hamburg', '20095', 'Mönckebergstraße'],
      ['Köln', '50667', 'Hohe Straße'],
    ],
    phone: (n) => `+49 151 ${pad(n, 8)}`,
  },
  {
    code: 'FR',
    language: 'fr',
    domain: 'example.fr',
    first: ['Camille', 'Louis', 'Chloé', 'Hugo', 'Léa', 'Arthur', 'Manon', 'Jules'],
    last: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Petit'],
    places: [
      ['Paris', '75003', 'Rue de Bretagne'],
      ['Lyon', '69002', 'Rue de la République'],
      ['Bordeaux', '33000', 'Cours de l’Intendance'],
      ['Nantes', '44000', 'Rue Crébillon'],
    ],
    phone: (n) => `+33 6 ${pad(n, 8)}`,
  },
  {
    code: 'GB',
    language: 'en',
    domain: 'example.co.uk',
    first: ['Olivia', 'George', 'Amelia', 'Harry', 'Isla', 'Oliver', 'Ava', 'Jack'],
    last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson'],
    places: [
      ['London', 'EC1V 9HX', 'Old Street'],
      ['Manchester', 'M1 1AE', 'Market Street'],
      ['Bristol', 'BS1 4DJ', 'Corn Street'],
      ['Edinburgh', 'EH1 1YZ', 'High Street'],
    ],
    phone: (n) => `+44 7911 ${pad(n, 6)}`,
  },
  {
    code: 'US',
    language: 'en',
    domain: 'example.com',
    first: ['Emma', 'Liam', 'Mia', 'Noah', 'Harper', 'Ethan', 'Ella', 'Mason'],
    last: ['Johnson', 'Miller', 'Davis', 'Garcia', 'Rodriguez', 'Clark'],
    places: [
      ['Boston', '02108', 'Tremont Street'],
      ['Portland', '97205', 'SW Alder Street'],
      ['Austin', '78701', 'Congress Avenue'],
      ['Chicago', '60601', 'N Michigan Avenue'],
    ],
    phone: (n) => `+1 617 555 ${pad(n % 100, 4).replace(/^00/, '01')}`,
  },
  {
    code: 'SE',
    language: 'sv',
    domain: 'example.se',
    first: ['Alice', 'William', 'Maja', 'Hugo', 'Elsa', 'Oscar', 'Astrid', 'Nils'],
    last: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Lindqvist'],
    places: [
      ['Stockholm', '111 29', 'Drottninggatan'],
      ['Göteborg', '411 06', 'Kungsgatan'],
      ['Malmö', '211 22', 'Södergatan'],
      ['Uppsala', '753 20', 'Svartbäcksgatan'],
    ],
    phone: (n) => `+46 70 ${pad(n, 7)}`,
  },
  {
    code: 'NL',
    language: 'nl',
    domain: 'example.nl',
    first: ['Sanne', 'Daan', 'Fleur', 'Bram', 'Lotte', 'Sem', 'Noor', 'Thijs'],
    last: ['de Jong', 'Jansen', 'de Vries', 'van Dijk', 'Bakker', 'Visser'],
    places: [
      ['Amsterdam', '1012 JS', 'Kalverstraat'],
      ['Utrecht', '3511 LX', 'Oudegracht'],
      ['Rotterdam', '3011 AD', 'Hoogstraat'],
      ['Den Haag', '2511 CV', 'Spuistraat'],
    ],
    phone: (n) => `+31 6 ${pad(n, 8)}`,
  },
  {
    code: 'PT',
    language: 'pt',
    domain: 'example.pt',
    first: ['Inês', 'João', 'Beatriz', 'Tiago', 'Mariana', 'Rui', 'Sofia', 'Miguel'],
    last: ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Oliveira', 'Costa'],
    places: [
      ['Lisboa', '1100-148', 'Rua Augusta'],
      ['Porto', '4000-322', 'Rua de Santa Catarina'],
      ['Braga', '4700-307', 'Rua do Souto'],
      ['Coimbra', '3000-076', 'Rua Ferreira Borges'],
    ],
    phone: (n) => `+351 91 ${pad(n, 7)}`,
  },
];

function ascii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

/** 200 customers across eight countries, each in their own language, with a valid address and phone. */
export function demoCustomers(count = 200): CreateCustomerBody[] {
  return Array.from({ length: count }, (_, i) => {
    const country = countries[i % countries.length]!;
    const round = Math.floor(i / countries.length);
    const first = country.first[round % country.first.length]!;
    const last = country.last[(round * 5 + i) % country.last.length]!;
    const [city, postalCode, street] = country.places[i % country.places.length]!;
    const name = `${first} ${last}`;
    return {
      email: `${ascii(first)}.${ascii(last)}.${i + 1}@${country.domain}`,
      name,
      phone: country.phone(1000 + i * 37),
      language: country.language,
      marketingConsent: { granted: i % 3 !== 0, source: i % 2 ? 'checkout' : 'newsletter form' },
      tags: i % 17 === 0 ? ['vip'] : i % 11 === 0 ? ['wholesale'] : [],
      addresses: [{ name, line1: `${street} ${(i % 90) + 1}`, city, postalCode, country: country.code }],
    };
  });
}

export async function seedDemoCustomers(database: CustomerDatabase, clock: Clock): Promise<string> {
  const customers = demoCustomers();
  for (const customer of customers) await createCustomer(database, clock, systemActor, customer);
  return `${customers.length} customers in ${countries.length} countries`;
}
