import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import { actorOf } from '../../platform/http/access.ts';
import { Page, PageQuery } from '../../platform/http/pagination.ts';
import { IdParam, problemReplies } from '../../platform/http/schemas.ts';
import { type CustomerDatabase, getCustomer, searchCustomers } from './queries.ts';
import {
  AddressInput,
  AddressSchema,
  CreateCustomerBody,
  CustomerListQuery,
  CustomerSchema,
  NoteBody,
  TimelineEntrySchema,
  UpdateCustomerBody,
} from './schema.ts';
import { addAddress, createCustomer, removeAddress, updateCustomer } from './service.ts';
import { addNote, listTimeline } from './timeline.ts';

export function registerCustomerRoutes(
  app: FastifyInstance,
  deps: { database: CustomerDatabase; clock: Clock },
): void {
  const { database, clock } = deps;
  app.addSchema(AddressSchema);
  app.addSchema(CustomerSchema);
  app.addSchema(TimelineEntrySchema);
  const tags = ['Customers'];
  const read = { permission: 'customers:read' };
  const write = { permission: 'customers:write' };
  const Customer = Type.Ref(CustomerSchema);
  const ListQuery = Type.Composite([PageQuery, CustomerListQuery]);
  const CustomerParams = IdParam('cus');

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/api/v1/customers',
    {
      config: read,
      schema: {
        tags,
        summary: 'List and search customers, newest first',
        description:
          '`q` finds customers by email (prefix), phone number in any notation, or the words of the name.',
        querystring: ListQuery,
        response: { 200: Page(Customer), ...problemReplies(401, 403, 422) },
      },
    },
    async (request) => searchCustomers(database.db, request.query),
  );

  app.post<{ Body: Static<typeof CreateCustomerBody> }>(
    '/api/v1/customers',
    {
      config: write,
      schema: {
        tags,
        summary: 'Create a customer; an email or phone another customer has is a 409 naming them',
        body: CreateCustomerBody,
        response: { 201: Customer, ...problemReplies(409, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createCustomer(database, clock, actorOf(request), request.body)),
  );

  app.get<{ Params: Static<typeof CustomerParams> }>(
    '/api/v1/customers/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Get a customer with their addresses',
        params: CustomerParams,
        response: { 200: Customer, ...problemReplies(404) },
      },
    },
    async (request) => getCustomer(database.db, request.params.id),
  );

  app.patch<{ Params: Static<typeof CustomerParams>; Body: Static<typeof UpdateCustomerBody> }>(
    '/api/v1/customers/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a customer: contact details, language, marketing consent, tags, notes',
        params: CustomerParams,
        body: UpdateCustomerBody,
        response: { 200: Customer, ...problemReplies(404, 409, 422) },
      },
    },
    async (request) => updateCustomer(database, clock, actorOf(request), request.params.id, request.body),
  );

  app.post<{ Params: Static<typeof CustomerParams>; Body: Static<typeof AddressInput> }>(
    '/api/v1/customers/:id/addresses',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add an address (postcode checked for the country, phone stored in E.164)',
        params: CustomerParams,
        body: AddressInput,
        response: { 201: Customer, ...problemReplies(404, 422) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addAddress(database, clock, actorOf(request), request.params.id, request.body)),
  );

  const AddressParams = Type.Composite([
    CustomerParams,
    Type.Object({ addressId: Type.String({ pattern: '^adr_[0-9A-HJKMNP-TV-Z]{26}$' }) }),
  ]);
  app.delete<{ Params: Static<typeof AddressParams> }>(
    '/api/v1/customers/:id/addresses/:addressId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Remove an address',
        params: AddressParams,
        response: { 200: Customer, ...problemReplies(404) },
      },
    },
    async (request) =>
      removeAddress(database, clock, actorOf(request), request.params.id, request.params.addressId),
  );

  app.get<{ Params: Static<typeof CustomerParams>; Querystring: Static<typeof PageQuery> }>(
    '/api/v1/customers/:id/timeline',
    {
      config: read,
      schema: {
        tags,
        summary: "The customer's story, newest first: notes, orders, contacts and returns",
        params: CustomerParams,
        querystring: PageQuery,
        response: { 200: Page(Type.Ref(TimelineEntrySchema)), ...problemReplies(404) },
      },
    },
    async (request) => listTimeline(database.db, request.params.id, request.query),
  );

  app.post<{ Params: Static<typeof CustomerParams>; Body: Static<typeof NoteBody> }>(
    '/api/v1/customers/:id/notes',
    {
      config: write,
      schema: {
        tags,
        summary: "Add a note to the customer's timeline",
        params: CustomerParams,
        body: NoteBody,
        response: { 201: Type.Ref(TimelineEntrySchema), ...problemReplies(404, 422) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addNote(database, clock, actorOf(request), request.params.id, request.body.body)),
  );
}
