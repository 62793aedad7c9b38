import { type Static, Type } from '@sinclair/typebox';
import { Timestamp } from '../../platform/http/schemas.ts';

export const taxClasses = ['standard', 'reduced', 'zero', 'exempt'] as const;
export const skuPattern = '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$';

const Text = (max: number, example?: string) =>
  Type.String({ minLength: 1, maxLength: max, pattern: '\\S', ...(example ? { examples: [example] } : {}) });

export const PriceSchema = Type.Object(
  {
    currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code', examples: ['EUR'] }),
    amount: Type.Integer({
      minimum: 0,
      maximum: 1_000_000_000_00,
      description: 'Minor units (cents): 1999 is 19.99',
      examples: [1999],
    }),
  },
  { additionalProperties: false },
);
export type Price = Static<typeof PriceSchema>;

const Dimensions = Type.Object(
  {
    length: Type.Integer({ minimum: 0, maximum: 10_000 }),
    width: Type.Integer({ minimum: 0, maximum: 10_000 }),
    height: Type.Integer({ minimum: 0, maximum: 10_000 }),
  },
  { additionalProperties: false, description: 'Millimetres' },
);

const OptionSchema = Type.Object(
  {
    name: Text(50, 'Size'),
    values: Type.Array(Text(50), { minItems: 1, maxItems: 100, examples: [['S', 'M', 'L']] }),
  },
  { additionalProperties: false },
);

export const VariantInput = Type.Object(
  {
    sku: Type.String({
      pattern: skuPattern,
      description: 'Unique stock-keeping unit',
      examples: ['TEE-BLK-M'],
    }),
    barcode: Type.Optional(
      Type.Union([
        Type.String({
          pattern: '^\\d{8,14}$',
          description: 'EAN-8, UPC-A, EAN-13 or GTIN-14',
          examples: ['4006381333931'],
        }),
        Type.Null(),
      ]),
    ),
    optionValues: Type.Optional(
      Type.Record(Type.String({ maxLength: 50 }), Type.String({ maxLength: 50 }), {
        examples: [{ Size: 'M', Colour: 'Black' }],
      }),
    ),
    weightGrams: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000 }), Type.Null()])),
    dimensionsMm: Type.Optional(Type.Union([Dimensions, Type.Null()])),
    backorderable: Type.Optional(Type.Boolean({ description: 'May be ordered when out of stock' })),
    prices: Type.Array(PriceSchema, { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type VariantInput = Static<typeof VariantInput>;

const productFields = {
  handle: Type.Optional(
    Type.String({
      pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
      maxLength: 100,
      description: 'URL name; made from the title when omitted',
      examples: ['classic-tee'],
    }),
  ),
  title: Text(200, 'Classic tee'),
  description: Type.Optional(Type.String({ maxLength: 5000 })),
  status: Type.Optional(
    Type.Union([Type.Literal('draft'), Type.Literal('active'), Type.Literal('archived')], {
      default: 'draft',
    }),
  ),
  options: Type.Optional(Type.Array(OptionSchema, { maxItems: 3 })),
  hsCode: Type.Optional(
    Type.Union([
      Type.String({ pattern: '^\\d{6,10}$', description: 'Harmonized System code', examples: ['610910'] }),
      Type.Null(),
    ]),
  ),
  countryOfOrigin: Type.Optional(
    Type.Union([
      Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2', examples: ['PT'] }),
      Type.Null(),
    ]),
  ),
  taxClass: Type.Optional(
    Type.Union(
      taxClasses.map((c) => Type.Literal(c)),
      { default: 'standard' },
    ),
  ),
  returnable: Type.Optional(Type.Boolean({ default: true })),
  images: Type.Optional(
    Type.Array(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 }), { maxItems: 20 }),
  ),
};

export const CreateProductBody = Type.Object(
  { ...productFields, variants: Type.Array(VariantInput, { minItems: 1, maxItems: 100 }) },
  {
    additionalProperties: false,
    examples: [
      {
        title: 'Classic tee',
        status: 'active',
        options: [{ name: 'Size', values: ['S', 'M'] }],
        countryOfOrigin: 'PT',
        hsCode: '610910',
        variants: [
          {
            sku: 'TEE-BLK-S',
            barcode: '4006381333931',
            optionValues: { Size: 'S' },
            prices: [
              { currency: 'EUR', amount: 1999 },
              { currency: 'USD', amount: 2199 },
            ],
          },
        ],
      },
    ],
  },
);
export type CreateProductBody = Static<typeof CreateProductBody>;

export const UpdateProductBody = Type.Object(
  {
    handle: productFields.handle,
    title: Type.Optional(productFields.title),
    description: productFields.description,
    status: Type.Optional(
      Type.Union([Type.Literal('draft'), Type.Literal('active'), Type.Literal('archived')]),
    ),
    options: productFields.options,
    hsCode: productFields.hsCode,
    countryOfOrigin: productFields.countryOfOrigin,
    taxClass: Type.Optional(Type.Union(taxClasses.map((c) => Type.Literal(c)))),
    returnable: Type.Optional(Type.Boolean()),
    images: productFields.images,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateProductBody = Static<typeof UpdateProductBody>;

export const UpdateVariantBody = Type.Partial(VariantInput, {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateVariantBody = Static<typeof UpdateVariantBody>;

export const VariantSchema = Type.Object(
  {
    id: Type.String({ examples: ['var_01JDQ6Y3M5W9X8Z2A4B6C8D0EF'] }),
    productId: Type.String(),
    sku: Type.String({ examples: ['TEE-BLK-M'] }),
    barcode: Type.Union([Type.String(), Type.Null()]),
    title: Type.String({ examples: ['M / Black'] }),
    optionValues: Type.Record(Type.String(), Type.String()),
    weightGrams: Type.Union([Type.Integer(), Type.Null()]),
    dimensionsMm: Type.Union([Dimensions, Type.Null()]),
    backorderable: Type.Boolean(),
    prices: Type.Array(PriceSchema),
  },
  { $id: 'Variant' },
);

export const ProductSchema = Type.Object(
  {
    id: Type.String({ examples: ['prd_01JDQ6Y3M5W9X8Z2A4B6C8D0EF'] }),
    handle: Type.String(),
    title: Type.String(),
    description: Type.String(),
    status: Type.Union([Type.Literal('draft'), Type.Literal('active'), Type.Literal('archived')]),
    options: Type.Array(Type.Object({ name: Type.String(), values: Type.Array(Type.String()) })),
    hsCode: Type.Union([Type.String(), Type.Null()]),
    countryOfOrigin: Type.Union([Type.String(), Type.Null()]),
    taxClass: Type.String(),
    returnable: Type.Boolean(),
    images: Type.Array(Type.String()),
    variants: Type.Array(Type.Ref(VariantSchema)),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Product' },
);

export const ProductListQuery = Type.Object({
  q: Type.Optional(
    Type.String({ maxLength: 200, description: 'SKU or barcode (prefix), or words of the title' }),
  ),
  status: Type.Optional(
    Type.Union([Type.Literal('draft'), Type.Literal('active'), Type.Literal('archived')]),
  ),
});
