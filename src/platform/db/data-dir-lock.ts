import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirInUse extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `Another Ordo process (pid ${pid}) is using the data directory ${dataDir}. ` +
        'Stop it, or set ORDO_DATA_DIR to another directory; to run several processes, use PostgreSQL (DATABASE_URL).',
    );
    this.name = 'DataDirInUse';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(file: string): boolean {
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function holderOf(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function removeIfMine(file: string): void {
  try {
    if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
  } catch {
    // Already gone: nothing to release.
  }
}

/**
 * The embedded database is one process's: a second process writing the same files would corrupt
 * them. Takes `ordo.lock` in the data directory (create-exclusive, so only one taker wins) and
 * returns its release. A lock left by a process that died is taken over, and only while holding
 * `ordo.lock.takeover`, so two starters cannot both remove it and both get in.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'ordo.lock');
  const takeover = `${file}.takeover`;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(file)) return () => removeIfMine(file);
    const holder = holderOf(file);
    if (holder !== null && holder !== process.pid && alive(holder)) throw new DataDirInUse(dataDir, holder);
    if (!tryCreate(takeover)) {
      // Another starter is taking over right now; a takeover file left by a dead one is cleared.
      const other = holderOf(takeover);
      if (other !== null && alive(other)) throw new DataDirInUse(dataDir, other);
      unlinkSync(takeover);
      continue;
    }
    try {
      // Look again while holding the takeover: the lock may have changed hands meanwhile.
      const current = holderOf(file);
      if (current !== null && current !== process.pid && alive(current))
        throw new DataDirInUse(dataDir, current);
      if (current !== null) unlinkSync(file);
      if (tryCreate(file)) return () => removeIfMine(file);
    } finally {
      removeIfMine(takeover);
    }
  }
  throw new Error(`could not lock the data directory ${dataDir}`);
}
