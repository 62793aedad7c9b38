import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { migrations } from './migrations.ts';
import { registerCatalogRoutes } from './modules/catalog/index.ts';
import { registerCustomerRoutes } from './modules/customers/index.ts';
import { registerLocationRoutes, registerStockRoutes } from './modules/inventory/index.ts';
import {
  backorderArrivedSubscriber,
  defineBackorderWork,
  definePaymentReviewJob,
  defineSettlementJob,
  orderConfirmationSubscriber,
  registerOrderRoutes,
  registerRateRoutes,
} from './modules/orders/index.ts';
import { manualProvider, type PaymentProviders, testGateway } from './modules/payments/index.ts';
import { purgeSessions, registerStaffRoutes, staffAuthenticator } from './modules/staff/index.ts';
import { registerAuditRoutes } from './platform/audit/routes.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { Database } from './platform/db/database.ts';
import type { Tables } from './platform/db/tables.ts';
import { defineSubscriberJobs, OutboxDispatcher, type Subscriber } from './platform/events/dispatcher.ts';
import { registerWebhookRoutes } from './platform/events/webhook-routes.ts';
import { defineWebhookJobs } from './platform/events/webhooks.ts';
import { type RoutePermission, registerAccessControl } from './platform/http/access.ts';
import { registerErrorHandling, sendProblem } from './platform/http/errors.ts';
import { registerHealth } from './platform/http/health.ts';
import { purgeExpiredIdempotencyKeys, registerIdempotency } from './platform/http/idempotency.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { Problem } from './platform/http/problems.ts';
import { validatorCompiler } from './platform/http/validation.ts';
import { registerWebAssets } from './platform/http/web-assets.ts';
import './platform/http/route-config.ts';
import { JobRegistry } from './platform/jobs/queue.ts';
import { type Schedule, saveSchedules } from './platform/jobs/schedules.ts';
import { JobWorker } from './platform/jobs/worker.ts';
import { defineMailJobs, registerMailRoutes } from './platform/mail/index.ts';
import { rootDir } from './root.ts';
import { version } from './version.ts';

/** Every table of the application: the platform's and each module's. */
export type AppTables = Tables;
export type AppDatabase = Database<AppTables>;

export interface AppOptions {
  config: Config;
  database: AppDatabase;
  clock?: Clock;
  /** A pino logger to use instead of one built from `config.logLevel`. */
  logger?: Logger;
  /** Where the built web app is; defaults to `web/dist` in the checkout. */
  webDistDir?: string;
  /** Extra subscribers (tests); modules register theirs here as they arrive. */
  subscribers?: Subscriber[];
  /** Payment providers by method; the built-in test gateway takes cards unless told otherwise. */
  providers?: Partial<PaymentProviders>;
  /** Extra routes to register before the app is ready (tests). */
  extraRoutes?: (app: FastifyInstance) => void;
}

export interface Ordo {
  database: AppDatabase;
  clock: Clock;
  jobs: JobRegistry;
  worker: JobWorker;
  dispatcher: OutboxDispatcher;
  providers: PaymentProviders;
  /** Every registered route with the permission it declares (a test checks none is missing). */
  routePermissions: () => RoutePermission[];
}

declare module 'fastify' {
  interface FastifyInstance {
    ordo: Ordo;
  }
}

const defaultWebDist = join(rootDir, 'web', 'dist');

const schedules: Schedule[] = [
  // Stock that arrives by count, transfer or import rather than a receipt still reaches waiting orders.
  { name: 'orders.backorders', cron: '*/10 * * * *', jobName: 'orders.allocate-backorders' },
  { name: 'platform.housekeeping', cron: '17 3 * * *', jobName: 'platform.housekeeping' },
];

/** The Fastify instance with the platform and every module registered. Background work starts on listen/ready. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    loggerInstance: options.logger,
    ...(options.logger ? {} : { logger: { level: config.logLevel } }),
    bodyLimit: config.bodyLimit,
    // Behind a load balancer the client's address comes from X-Forwarded-For; sign-in limits need it.
    trustProxy: (_address: string, hop: number) => hop < config.trustProxyHops,
    // genReqId reads the header itself, so a malformed incoming id is replaced rather than echoed.
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.:-]{1,100}$/.test(incoming)
        ? incoming
        : `req_${crypto.randomUUID()}`;
    },
    ajv: { customOptions: { allErrors: true } },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    return503OnClosing: true,
    // Errors raised before routing (a malformed URL) get the same problem replies.
    frameworkErrors: (error, request, reply) => {
      reply.header('x-request-id', request.id);
      void sendProblem(reply as unknown as FastifyReply, new Problem('bad-request', error.message));
    },
    // The pino logger type is wider than Fastify's base logger type; behaviour is the same.
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerErrorHandling(app);
  await app.register(cookie);
  // First, so that every route registered after it is seen and guarded.
  const access = registerAccessControl(app, { authenticate: staffAuthenticator(database, clock) });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.publicUrl.startsWith('https://'),
  });
  await registerOpenApi(app, config.publicUrl, version);
  registerIdempotency(app, {
    db: database.db,
    clock,
    scopeOf: (request) =>
      request.principal ? `${request.principal.kind}:${request.principal.id}` : 'anonymous',
  });

  const jobs = new JobRegistry();
  const providers: PaymentProviders = {
    card: options.providers?.card ?? testGateway(database.db, () => clock.now()),
    manual: options.providers?.manual ?? manualProvider,
  };
  const orderDeps = { database, clock, providers, log: app.log };
  defineSettlementJob(jobs, orderDeps);
  definePaymentReviewJob(jobs, orderDeps);
  const notificationDeps = {
    database,
    clock,
    shopName: config.mailFrom.name || 'Ordo',
    publicUrl: config.publicUrl,
  };
  const subscribers = [
    defineBackorderWork(jobs, orderDeps),
    orderConfirmationSubscriber(notificationDeps),
    backorderArrivedSubscriber(notificationDeps),
    ...(options.subscribers ?? []),
  ];
  defineSubscriberJobs(jobs, database, subscribers);
  defineWebhookJobs(jobs, database, clock, { allowPrivateNetworks: config.webhooksAllowPrivate });
  defineMailJobs(jobs, database, clock, { smtpUrl: config.smtpUrl, from: config.mailFrom });
  jobs.define({
    name: 'platform.housekeeping',
    maxAttempts: 3,
    handle: async () => {
      const now = clock.now();
      await purgeExpiredIdempotencyKeys(database.db, now);
      await purgeSessions(database, now);
      // Finished jobs are kept a week for inspection; dead ones stay until someone deals with them.
      await database.db
        .deleteFrom('jobs')
        .where('state', '=', 'completed')
        .where('finishedAt', '<', new Date(now.getTime() - 7 * 24 * 3600 * 1000))
        .execute();
    },
  });
  const log = app.log as unknown as Logger;
  const worker = new JobWorker({ database, registry: jobs, clock, log: log.child({ component: 'jobs' }) });
  const dispatcher = new OutboxDispatcher({
    database,
    subscribers,
    clock,
    log: log.child({ component: 'outbox' }),
  });
  app.decorate('ordo', {
    database,
    clock,
    jobs,
    worker,
    dispatcher,
    providers,
    routePermissions: access.routes,
  });

  registerHealth(app, database as Database<unknown>, migrations);
  registerWebhookRoutes(app, { database, clock });
  registerAuditRoutes(app, database);
  registerMailRoutes(app, { database });
  registerCatalogRoutes(app, { database, clock });
  registerCustomerRoutes(app, { database, clock });
  registerLocationRoutes(app, { db: database.db });
  registerStockRoutes(app, { database, clock });
  registerOrderRoutes(app, orderDeps);
  registerRateRoutes(app, { database, clock });
  registerStaffRoutes(app, { database, clock, secureCookies: config.publicUrl.startsWith('https://') });
  options.extraRoutes?.(app);
  await registerWebAssets(app, options.webDistDir ?? defaultWebDist);

  if (config.workers) {
    app.addHook('onReady', async () => {
      await saveSchedules(database.db, schedules, clock.now());
      dispatcher.start();
      worker.start();
    });
    app.addHook('preClose', async () => {
      await dispatcher.stop();
      await worker.stop();
    });
  }
  return app;
}
