declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * What a caller must be allowed to do to use the route: `public`, or a permission such as
     * `webhooks:manage` that the access-control table grants to roles and API-key scopes.
     */
    permission?: string;
  }
}

export {};
