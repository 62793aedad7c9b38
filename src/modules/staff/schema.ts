import { Type } from '@sinclair/typebox';
import { Timestamp } from '../../platform/http/schemas.ts';
import { passwordRules } from './passwords.ts';
import { apiKeyScopes, permissions, roles } from './permissions.ts';

export const Email = Type.String({ format: 'email', maxLength: 254, examples: ['owner@demo.ordo.dev'] });
export const RoleSchema = Type.Union(
  roles.map((r) => Type.Literal(r)),
  { description: 'owner, admin, manager, agent or warehouse' },
);
const Password = Type.String({ minLength: passwordRules.minLength, maxLength: passwordRules.maxLength });
const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', examples: ['Olivia Owner'] });

export const StaffMemberSchema = Type.Object(
  {
    id: Type.String({ examples: ['stf_01JDQ6Y3M5W9X8Z2A4B6C8D0EF'] }),
    email: Type.String(),
    name: Type.String(),
    role: RoleSchema,
    active: Type.Boolean(),
    passwordChangedAt: Timestamp,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'StaffMember' },
);

export const LoginBody = Type.Object(
  { email: Type.String({ maxLength: 254 }), password: Type.String({ maxLength: passwordRules.maxLength }) },
  { additionalProperties: false, examples: [{ email: 'owner@demo.ordo.dev', password: 'ordo-demo-owner' }] },
);

export const SessionReply = Type.Object({
  staff: Type.Ref(StaffMemberSchema),
  permissions: Type.Array(Type.String()),
  csrfToken: Type.String({
    description: 'Send as the x-csrf-token header on every change made with this session.',
  }),
  expiresAt: Timestamp,
});

export const MeReply = Type.Object({
  kind: Type.Union([Type.Literal('staff'), Type.Literal('api_key')]),
  id: Type.String(),
  name: Type.String(),
  role: Type.Optional(RoleSchema),
  permissions: Type.Array(Type.String()),
  csrfToken: Type.Optional(Type.String()),
});

export const PasswordBody = Type.Object(
  { currentPassword: Type.String({ maxLength: passwordRules.maxLength }), newPassword: Password },
  { additionalProperties: false },
);

export const CreateStaffBody = Type.Object(
  { email: Email, name: Name, role: RoleSchema, password: Password },
  { additionalProperties: false },
);

export const UpdateStaffBody = Type.Object(
  { name: Type.Optional(Name), role: Type.Optional(RoleSchema), active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);

export const ScopeSchema = Type.Union(
  apiKeyScopes.map((s) => Type.Literal(s)),
  { description: `One of: ${apiKeyScopes.join(', ')}. A write scope includes its read scope.` },
);

export const CreateApiKeyBody = Type.Object(
  {
    name: Name,
    scopes: Type.Array(ScopeSchema, {
      minItems: 1,
      maxItems: permissions.length,
      examples: [['orders:write', 'catalog:read']],
    }),
  },
  { additionalProperties: false },
);

export const ApiKeySchema = Type.Object(
  {
    id: Type.String({ examples: ['key_01JDQ6Y3M5W9X8Z2A4B6C8D0EF'] }),
    name: Type.String({ examples: ['Web shop'] }),
    scopes: Type.Array(Type.String()),
    keyPrefix: Type.String({
      description: 'The first characters of the key, to recognise it',
      examples: ['ordo_Xk3v9Q'],
    }),
    createdBy: Type.String(),
    createdAt: Timestamp,
    lastUsedAt: Type.Union([Timestamp, Type.Null()]),
    revokedAt: Type.Union([Timestamp, Type.Null()]),
  },
  { $id: 'ApiKey' },
);

export const CreatedApiKey = Type.Composite([
  Type.Omit(ApiKeySchema, []),
  Type.Object({
    key: Type.String({ description: 'The secret key. Shown only in this reply: store it now.' }),
  }),
]);
