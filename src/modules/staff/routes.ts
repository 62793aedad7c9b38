import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import { actorOf, publicPermission, signedInPermission } from '../../platform/http/access.ts';
import { Page, PageQuery } from '../../platform/http/pagination.ts';
import { Problem } from '../../platform/http/problems.ts';
import { IdParam, problemReplies } from '../../platform/http/schemas.ts';
import {
  changePassword,
  createStaff,
  getStaff,
  listStaff,
  type StaffDatabase,
  updateStaff,
} from './accounts.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.ts';
import { clearSessionCookie, setSessionCookie } from './auth.ts';
import { rolePermissions } from './permissions.ts';
import {
  ApiKeySchema,
  CreateApiKeyBody,
  CreatedApiKey,
  CreateStaffBody,
  LoginBody,
  MeReply,
  PasswordBody,
  SessionReply,
  StaffMemberSchema,
  UpdateStaffBody,
} from './schema.ts';
import { signIn, signOut } from './sessions.ts';

export interface StaffRouteDeps {
  database: StaffDatabase;
  clock: Clock;
  /** Cookies carry Secure when Ordo is reached over https. */
  secureCookies: boolean;
}

export function registerStaffRoutes(app: FastifyInstance, deps: StaffRouteDeps): void {
  const { database, clock, secureCookies } = deps;
  app.addSchema(StaffMemberSchema);
  app.addSchema(ApiKeySchema);
  const auth = ['Sign-in'];

  app.post<{ Body: Static<typeof LoginBody> }>(
    '/api/v1/auth/login',
    {
      config: { permission: publicPermission, idempotency: 'secret-request' },
      schema: {
        tags: auth,
        summary: 'Sign in with email and password; sets the session cookie',
        body: LoginBody,
        response: { 200: SessionReply, ...problemReplies(401, 422, 429) },
      },
    },
    async (request, reply) => {
      const session = await signIn(database, clock, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      setSessionCookie(reply, session.token, secureCookies);
      return {
        staff: session.staff,
        permissions: [...rolePermissions[session.staff.role]],
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
      };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { permission: signedInPermission },
      schema: { tags: auth, summary: 'Sign out: ends this session' },
    },
    async (request, reply) => {
      if (request.sessionId) await signOut(database, request.sessionId);
      clearSessionCookie(reply, secureCookies);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { permission: signedInPermission },
      schema: {
        tags: auth,
        summary: 'Who is calling and what they may do',
        response: { 200: MeReply, ...problemReplies(401) },
      },
    },
    async (request) => {
      const principal = request.principal!;
      return {
        kind: principal.kind,
        id: principal.id,
        name: principal.name,
        ...(principal.role ? { role: principal.role as Static<typeof MeReply>['role'] } : {}),
        permissions: [...principal.permissions].sort(),
        ...(principal.csrfToken ? { csrfToken: principal.csrfToken } : {}),
      };
    },
  );

  app.post<{ Body: Static<typeof PasswordBody> }>(
    '/api/v1/auth/password',
    {
      config: { permission: signedInPermission, idempotency: 'secret-request' },
      schema: {
        tags: auth,
        summary: 'Change your password; signs out your other sessions',
        body: PasswordBody,
        response: problemReplies(401, 403, 422),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (request.principal?.kind !== 'staff') {
        throw new Problem(
          'forbidden',
          'API keys have no password; sign in as a staff member to change yours.',
        );
      }
      await changePassword(database, clock, actor, {
        ...request.body,
        keepSessionId: request.sessionId ?? undefined,
        ip: request.ip,
      });
      return reply.code(204).send();
    },
  );

  const staffTags = ['Staff'];
  const manage = { permission: 'staff:manage' };
  app.get<{ Querystring: Static<typeof PageQuery> }>(
    '/api/v1/staff',
    {
      config: manage,
      schema: {
        tags: staffTags,
        summary: 'List staff accounts',
        querystring: PageQuery,
        response: { 200: Page(Type.Ref(StaffMemberSchema)) },
      },
    },
    async (request) => listStaff(database.db, request.query),
  );

  app.post<{ Body: Static<typeof CreateStaffBody> }>(
    '/api/v1/staff',
    {
      config: { ...manage, idempotency: 'secret-request' },
      schema: {
        tags: staffTags,
        summary: 'Create a staff account',
        body: CreateStaffBody,
        response: { 201: Type.Ref(StaffMemberSchema), ...problemReplies(409, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createStaff(database, clock, actorOf(request), request.body)),
  );

  const StaffParams = IdParam('stf');
  app.get<{ Params: Static<typeof StaffParams> }>(
    '/api/v1/staff/:id',
    {
      config: manage,
      schema: {
        tags: staffTags,
        summary: 'Get a staff account',
        params: StaffParams,
        response: { 200: Type.Ref(StaffMemberSchema), ...problemReplies(404) },
      },
    },
    async (request) => getStaff(database.db, request.params.id),
  );

  app.patch<{ Params: Static<typeof StaffParams>; Body: Static<typeof UpdateStaffBody> }>(
    '/api/v1/staff/:id',
    {
      config: manage,
      schema: {
        tags: staffTags,
        summary: "Change a staff member's name, role, or switch the account off (it signs them out)",
        params: StaffParams,
        body: UpdateStaffBody,
        response: { 200: Type.Ref(StaffMemberSchema), ...problemReplies(404, 409, 422) },
      },
    },
    async (request) => updateStaff(database, clock, actorOf(request), request.params.id, request.body),
  );

  const keyTags = ['API keys'];
  const keys = { permission: 'api-keys:manage' };
  app.get<{ Querystring: Static<typeof PageQuery> }>(
    '/api/v1/api-keys',
    {
      config: keys,
      schema: {
        tags: keyTags,
        summary: 'List API keys (never their secrets)',
        querystring: PageQuery,
        response: { 200: Page(Type.Ref(ApiKeySchema)) },
      },
    },
    async (request) => listApiKeys(database.db, request.query),
  );

  app.post<{ Body: Static<typeof CreateApiKeyBody> }>(
    '/api/v1/api-keys',
    {
      config: { ...keys, idempotency: 'secret-reply' },
      schema: {
        tags: keyTags,
        summary: 'Create an API key for an integration; the key is shown only in this reply',
        body: CreateApiKeyBody,
        response: { 201: CreatedApiKey, ...problemReplies(422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createApiKey(database, clock, actorOf(request), request.body)),
  );

  const KeyParams = IdParam('key');
  app.delete<{ Params: Static<typeof KeyParams> }>(
    '/api/v1/api-keys/:id',
    {
      config: keys,
      schema: {
        tags: keyTags,
        summary: 'Revoke an API key: it stops working at once',
        params: KeyParams,
        response: { 200: Type.Ref(ApiKeySchema), ...problemReplies(404) },
      },
    },
    async (request) => revokeApiKey(database, clock, actorOf(request), request.params.id),
  );
}
