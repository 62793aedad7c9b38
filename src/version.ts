import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rootDir } from './root.ts';

/** The running version, from package.json. */
export const version: string = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8')).version;
