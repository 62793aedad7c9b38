declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * What a caller must be allowed to do to use the route: `public`, or a permission such as
     * `webhooks:manage` that the access-control table grants to roles and API-key scopes.
     */
    permission?: string;
    /**
     * Why this route refuses an Idempotency-Key rather than store what it would have to keep:
     * a reply with a secret shown once (a signing secret, an API key) or a request carrying a
     * password. Refused, not silently ignored, so an integrator is not misled about retries.
     */
    idempotency?: 'secret-reply' | 'secret-request';
  }
}

export {};
