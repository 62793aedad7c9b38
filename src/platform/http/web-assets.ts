import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { markRoutesPublic } from './access.ts';
import { sendProblem } from './errors.ts';
import { Problem } from './problems.ts';

// Paths that belong to the server, not the web app: an unknown one is a 404 problem, not index.html.
const serverPath = /^\/(api\/|api$|docs(\/|$)|health$|ready$)/;

/**
 * Serves the built web app: hashed files under /assets/ are cached for a year (their names
 * change when they do); index.html is revalidated on every load so a deploy shows at once.
 * Every other GET that is not an API path gets index.html, and the app's router takes over.
 */
export async function registerWebAssets(app: FastifyInstance, distDir: string): Promise<void> {
  const built = existsSync(join(distDir, 'index.html'));
  // One context for the files and the fallback: reply.sendFile exists only where the plugin is.
  await app.register(async (files) => {
    markRoutesPublic(files);
    if (built) {
      await files.register(fastifyStatic, {
        root: distDir,
        prefix: '/',
        wildcard: false,
        index: false,
        cacheControl: false,
        setHeaders: (res, path) => {
          res.setHeader(
            'cache-control',
            path.includes(`${join('dist', 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      });
    }
    files.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (serverPath.test(path)) {
        return sendProblem(reply, new Problem('not-found', `There is no GET ${path} here.`));
      }
      if (!built) {
        return sendProblem(
          reply,
          new Problem(
            'service-unavailable',
            'The web app has not been built. Run `npm start`, which builds it, or `npm run build:web`.',
          ),
        );
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html', distDir);
    });
  });
}
