import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import type { AppDatabase } from '../app.ts';
import { CreateStaffBody, createStaff, isRole, roles } from '../modules/staff/index.ts';
import { systemActor } from '../platform/audit/audit.ts';
import { systemClock } from '../platform/clock.ts';
import { Problem, ValidationFailed } from '../platform/http/problems.ts';
import { checkBody } from '../platform/http/validation.ts';

/** Reads a password without echoing it when a person types it; from the first line of input otherwise. */
async function askPassword(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY === true });
  try {
    const answer = rl.question(prompt);
    muted = true;
    const password = await answer;
    if (process.stdin.isTTY) process.stdout.write('\n');
    return password;
  } finally {
    rl.close();
  }
}

export interface CreateStaffOptions {
  role: string;
  email: string;
  name: string;
  password?: string;
}

/** `ordo staff create`: how a shop that did not start from the demo gets its first owner. */
export async function createStaffFromCli(
  database: AppDatabase,
  options: CreateStaffOptions,
): Promise<string> {
  if (!isRole(options.role)) throw new Problem('bad-request', `--role must be one of ${roles.join(', ')}.`);
  const password = options.password ?? (await askPassword(`Password for ${options.email}: `));
  const input = { email: options.email, name: options.name, role: options.role, password };
  const errors = checkBody(CreateStaffBody, input);
  if (errors.length > 0) {
    throw new ValidationFailed(errors, errors.map((e) => `--${e.pointer.slice(1)} ${e.detail}`).join('; '));
  }
  const member = await createStaff(database, systemClock, systemActor, input);
  return `Created ${member.role} ${member.name} <${member.email}> (${member.id}). Sign in at /admin.`;
}
