import { fileURLToPath } from 'node:url';

/**
 * The checkout's root folder. This file sits one level below it, and so does the server bundle
 * it is built into (dist/server.mjs), so the same relative address works from both.
 */
export const rootDir = fileURLToPath(new URL('..', import.meta.url));
