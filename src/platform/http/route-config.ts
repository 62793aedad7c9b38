declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * What a caller must be allowed to do to use the route: `public`, or a permission such as
     * `webhooks:manage` that the access-control table grants to roles and API-key scopes.
     */
    permission?: string;
    /**
     * The reply carries a secret shown once (a signing secret, an API key). Such replies are never
     * stored, so an Idempotency-Key on the route is refused rather than silently ignored.
     */
    secretReply?: boolean;
  }
}

export {};
