import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { markRoutesPublic } from './access.ts';
import { ProblemSchema } from './schemas.ts';

/** OpenAPI 3.1 from the route schemas: JSON at `/docs/json`, the browsable reference at `/docs`. */
export async function registerOpenApi(
  app: FastifyInstance,
  publicUrl: string,
  version: string,
): Promise<void> {
  app.addSchema(ProblemSchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Ordo API',
        version,
        description:
          'Orders, stock, fulfilment, returns and customer service in one API. Every error is an RFC 9457 ' +
          '`application/problem+json` reply. Lists are cursor-paginated: pass `limit` and the `next` value of the ' +
          'previous page as `cursor`. POST requests that create or move money or stock accept an `Idempotency-Key` header.',
      },
      // With PORT=0 the port is only known after listening; the viewer then uses its own address.
      servers: publicUrl.endsWith(':0') ? [] : [{ url: publicUrl }],
      tags: [
        { name: 'Operations', description: 'Liveness and readiness for load balancers and orchestrators' },
        { name: 'Sign-in', description: 'Staff sessions: sign in, sign out, who am I, change password' },
        { name: 'Staff', description: 'Staff accounts and their roles (owner only)' },
        { name: 'API keys', description: 'Keys for integrations, with scopes (owner only)' },
        {
          name: 'Catalog',
          description: 'Products, variants (by SKU) and prices in minor units per currency',
        },
        {
          name: 'Customers',
          description: 'Customers, addresses, marketing consent and the customer timeline',
        },
        { name: 'Inventory', description: 'Warehouses and stores, and the stock they hold' },
        { name: 'Audit log', description: 'Who changed what, when, from what to what' },
        { name: 'Webhooks', description: 'Signed event deliveries to your endpoints (Standard Webhooks)' },
        {
          name: 'Outgoing mail',
          description: 'Mail sent to customers, or kept in Ordo when no SMTP server is configured',
        },
      ],
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key created by the shop owner' },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'ordo_session',
            description: 'A staff session from /api/v1/auth/login',
          },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`),
    },
  });
  await app.register(async (docs) => {
    markRoutesPublic(docs);
    await docs.register(swaggerUi, {
      routePrefix: '/docs',
      staticCSP: true,
      // The reference viewer sets a few inline styles (expand/collapse); allow those on /docs only.
      transformStaticCSP: (header: string) =>
        header.replace("style-src 'self' https:", "style-src 'self' https: 'unsafe-inline'"),
      uiConfig: { docExpansion: 'list', deepLinking: true, persistAuthorization: true },
    });
  });
}
