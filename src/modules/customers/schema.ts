import { type Static, Type } from '@sinclair/typebox';
import { Timestamp } from '../../platform/http/schemas.ts';

const Text = (max: number, example?: string) =>
  Type.String({ minLength: 1, maxLength: max, pattern: '\\S', ...(example ? { examples: [example] } : {}) });
const Optional = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));

export const AddressInput = Type.Object(
  {
    name: Text(200, 'Ana García'),
    line1: Text(200, 'Calle Mayor 1'),
    line2: Optional(200),
    city: Text(100, 'Madrid'),
    region: Optional(100),
    postalCode: Optional(20),
    country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2', examples: ['ES'] }),
    phone: Optional(40),
    isDefault: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type AddressInput = Static<typeof AddressInput>;

export const AddressSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    line1: Type.String(),
    line2: Type.Union([Type.String(), Type.Null()]),
    city: Type.String(),
    region: Type.Union([Type.String(), Type.Null()]),
    postalCode: Type.Union([Type.String(), Type.Null()]),
    country: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
    isDefault: Type.Boolean(),
  },
  { $id: 'Address' },
);

const Language = Type.String({
  pattern: '^[a-z]{2,3}(-[A-Z]{2})?$',
  description: 'BCP 47, e.g. es or pt-BR',
  examples: ['es'],
});
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 50, pattern: '^[^,]+$' }), {
  maxItems: 50,
  examples: [['vip', 'wholesale']],
});
const Consent = Type.Object(
  {
    granted: Type.Boolean(),
    source: Text(100, 'checkout'),
  },
  {
    additionalProperties: false,
    description: 'Consent to marketing, with where it was given (checkout, phone, form…)',
  },
);

export const CreateCustomerBody = Type.Object(
  {
    email: Type.Optional(
      Type.Union([
        Type.String({ format: 'email', maxLength: 254, examples: ['ana@example.com'] }),
        Type.Null(),
      ]),
    ),
    name: Text(200, 'Ana García'),
    phone: Optional(40),
    language: Type.Optional(Language),
    marketingConsent: Type.Optional(Consent),
    tags: Type.Optional(Tags),
    notes: Type.Optional(Type.String({ maxLength: 5000 })),
    addresses: Type.Optional(Type.Array(AddressInput, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type CreateCustomerBody = Static<typeof CreateCustomerBody>;

export const UpdateCustomerBody = Type.Object(
  {
    email: CreateCustomerBody.properties.email,
    name: Type.Optional(Text(200)),
    phone: Optional(40),
    language: Type.Optional(Language),
    marketingConsent: Type.Optional(Consent),
    tags: Type.Optional(Tags),
    notes: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCustomerBody = Static<typeof UpdateCustomerBody>;

export const CustomerSchema = Type.Object(
  {
    id: Type.String({ examples: ['cus_01JDQ6Y3M5W9X8Z2A4B6C8D0EF'] }),
    email: Type.Union([Type.String(), Type.Null()]),
    name: Type.String(),
    phone: Type.Union([Type.String({ description: 'E.164' }), Type.Null()]),
    language: Type.String(),
    marketingConsent: Type.Boolean(),
    marketingConsentAt: Type.Union([Timestamp, Type.Null()]),
    marketingConsentSource: Type.Union([Type.String(), Type.Null()]),
    tags: Type.Array(Type.String()),
    notes: Type.String(),
    addresses: Type.Array(Type.Ref(AddressSchema)),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Customer' },
);

export const TimelineEntrySchema = Type.Object(
  {
    id: Type.String(),
    kind: Type.String({ examples: ['note', 'order', 'contact'] }),
    summary: Type.String(),
    body: Type.Union([Type.String(), Type.Null()]),
    refType: Type.Union([Type.String(), Type.Null()]),
    refId: Type.Union([Type.String(), Type.Null()]),
    actorName: Type.String(),
    at: Timestamp,
  },
  { $id: 'TimelineEntry' },
);

export const NoteBody = Type.Object(
  { body: Text(5000, 'Prefers delivery after 6 pm.') },
  { additionalProperties: false },
);

export const CustomerListQuery = Type.Object({
  q: Type.Optional(
    Type.String({ maxLength: 200, description: 'Email (prefix), phone, or words of the name' }),
  ),
  tag: Type.Optional(Type.String({ maxLength: 50 })),
});
