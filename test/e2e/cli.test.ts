import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnNode } from '../support/processes.ts';

describe('the ordo command', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ordo-cli-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));
  const env = () => ({ ORDO_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' });

  it('migrates an empty embedded database, then finds nothing to do', async () => {
    const first = spawnNode(['bin/ordo.js', 'migrate'], env());
    expect(await first.exited).toBe(0);
    expect(first.output()).toMatch(/Applied \d+ migration\(s\)/);
    expect(first.output()).toContain('Database is up to date (embedded PostgreSQL (PGlite)');
    const second = spawnNode(['bin/ordo.js', 'migrate'], env());
    expect(await second.exited).toBe(0);
    expect(second.output()).not.toContain('Applied');
  }, 60_000);

  it('seeds the demo once and says so the second time', async () => {
    const first = spawnNode(['bin/ordo.js', 'seed', '--demo'], env());
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('Demo data: 5 staff accounts, one per role');
    const second = spawnNode(['bin/ordo.js', 'seed', '--demo'], env());
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('The demo data was already seeded; nothing changed.');
  }, 60_000);

  it('stops with a message naming a bad variable, and no stack trace', async () => {
    const run = spawnNode(['bin/ordo.js', 'serve'], { ...env(), PORT: 'eighty' });
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toBe('Configuration error: PORT must be a whole number, got "eighty"');
  }, 60_000);

  it('refuses to open a data directory that a running Ordo holds', async () => {
    const server = spawnNode(['bin/ordo.js', 'serve'], { ...env(), PORT: '0' });
    try {
      await server.waitFor(/is ready at/);
      const second = spawnNode(['bin/ordo.js', 'migrate'], env());
      expect(await second.exited).toBe(1);
      expect(second.output()).toContain(
        `Another Ordo process (pid ${server.process.pid}) is using the data directory`,
      );
    } finally {
      server.process.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
    // Once it stopped, the directory is free again.
    const after = spawnNode(['bin/ordo.js', 'migrate'], env());
    expect(await after.exited).toBe(0);
  }, 60_000);

  it('creates a staff account from the command line, refusing bad input and duplicates', async () => {
    const args = [
      'bin/ordo.js',
      'staff',
      'create',
      '--role',
      'owner',
      '--email',
      'first@shop.example',
      '--name',
      'First Owner',
    ];
    const created = spawnNode([...args, '--password', 'a-long-password'], env());
    expect(await created.exited).toBe(0);
    expect(created.output()).toMatch(/Created owner First Owner <first@shop\.example> \(stf_[0-9A-Z]{26}\)/);
    const again = spawnNode([...args, '--password', 'a-long-password'], env());
    expect(await again.exited).toBe(1);
    expect(again.output()).toContain('already exists');
    const short = spawnNode(
      [...args.slice(0, 6), 'second@shop.example', '--name', 'X', '--password', 'short'],
      env(),
    );
    expect(await short.exited).toBe(1);
    expect(short.output()).toContain('--password must NOT have fewer than 10 characters');
    const badRole = spawnNode(
      [
        'bin/ordo.js',
        'staff',
        'create',
        '--role',
        'boss',
        '--email',
        'b@shop.example',
        '--name',
        'B',
        '--password',
        'a-long-password',
      ],
      env(),
    );
    expect(await badRole.exited).toBe(1);
    expect(badRole.output()).toContain('--role must be one of owner, admin, manager, agent, warehouse');
  }, 60_000);

  it('asks what to seed when no kind is given', async () => {
    const run = spawnNode(['bin/ordo.js', 'seed'], env());
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('ordo seed --demo');
  }, 60_000);
});
