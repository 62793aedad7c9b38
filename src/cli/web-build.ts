import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { rootDir } from '../root.ts';

const webDir = join(rootDir, 'web');
export const webDistDir = join(webDir, 'dist');

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/** The web app needs a build when it was never built or a source changed since. */
export function webBuildNeeded(): boolean {
  const index = join(webDistDir, 'index.html');
  if (!existsSync(index)) return true;
  const builtAt = statSync(index).mtimeMs;
  const sources = ['src', 'index.html', 'vite.config.ts']
    .map((p) => join(webDir, p))
    .filter((p) => existsSync(p));
  return sources.some((source) => newestChange(source) > builtAt);
}

/** Builds the web app with Vite (a development dependency: present after `npm install`). */
export async function buildWeb(): Promise<void> {
  const vite = await import('vite');
  await vite.build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
}
