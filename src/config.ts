import { resolve } from 'node:path';

/** Typed configuration. This file is the only reader of `process.env`. */
export interface Config {
  port: number;
  host: string;
  /** A `postgres://` URL selects PostgreSQL; undefined selects the embedded PGlite database. */
  databaseUrl: string | undefined;
  /** Where the embedded database keeps its files (ignored with `databaseUrl`). */
  dataDir: string;
  logLevel: LogLevel;
  /** The address people and webhooks use to reach this instance. */
  publicUrl: string;
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  /** Run the outbox dispatcher and job workers in this process. */
  workers: boolean;
  /** Let webhooks reach loopback and private-network addresses (for receivers on the same network). */
  webhooksAllowPrivate: boolean;
  /** How many proxies in front of Ordo to trust for the client's address (X-Forwarded-For); 0 for none. */
  trustProxyHops: number;
  /** An `smtp://` or `smtps://` URL to send mail through; undefined keeps mail in Ordo for the back office to read. */
  smtpUrl: string | undefined;
  /** Who customers' mail comes from. */
  mailFrom: MailAddress;
}

export interface MailAddress {
  /** The display name; '' for none. */
  name: string;
  address: string;
}

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** Raised at start when a variable is malformed; the message names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Configuration error: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function databaseUrl(env: Env): string | undefined {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      'DATABASE_URL',
      'is not a URL (expected postgres://user:password@host:5432/database)',
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must start with postgres:// (got ${url.protocol}//)`);
  }
  return raw;
}

function publicUrl(env: Env, host: string, port: number): string {
  const raw = env.ORDO_PUBLIC_URL?.trim();
  if (!raw) {
    const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
    return `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('ORDO_PUBLIC_URL', `is not a URL: "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('ORDO_PUBLIC_URL', 'must start with http:// or https://');
  }
  return url.toString().replace(/\/$/, '');
}

function smtpUrl(env: Env): string | undefined {
  const raw = env.SMTP_URL?.trim();
  if (!raw) return undefined;
  // The URL may carry a password: no message here repeats it.
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      'SMTP_URL',
      'is not a URL (expected smtp://user:password@host:587 or smtps://…:465)',
    );
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new ConfigError('SMTP_URL', `must start with smtp:// or smtps:// (got ${url.protocol}//)`);
  }
  if (!url.hostname) throw new ConfigError('SMTP_URL', 'names no host');
  if (url.pathname !== '' && url.pathname !== '/') {
    throw new ConfigError('SMTP_URL', 'must not have a path (only user, password, host and port)');
  }
  return raw;
}

export const defaultMailFrom = 'Ordo Demo Shop <shop@demo.ordo.dev>';

// One address, optionally with a display name: `shop@example.com` or `Shop Name <shop@example.com>`.
const bareAddress = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;
const namedAddress = /^(?:"([^"\\]*)"|([^"<>]*?))\s*<([^<>]+)>$/;

function mailFrom(env: Env): MailAddress {
  const raw = env.ORDO_MAIL_FROM?.trim() || defaultMailFrom;
  const named = namedAddress.exec(raw);
  const name = (named ? (named[1] ?? named[2] ?? '') : '').trim();
  const address = (named ? named[3] : raw)?.trim() ?? '';
  if (!bareAddress.test(address) || /[\r\n]/.test(name)) {
    throw new ConfigError(
      'ORDO_MAIL_FROM',
      `must be an email address, optionally with a name (Shop Name <shop@example.com>), got "${raw}"`,
    );
  }
  return { name, address };
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

/** Reads and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST?.trim() || '127.0.0.1';
  const logLevel = (env.LOG_LEVEL?.trim().toLowerCase() || 'info') as LogLevel;
  if (!logLevels.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${logLevels.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  return {
    port,
    host,
    databaseUrl: databaseUrl(env),
    dataDir: resolve(env.ORDO_DATA_DIR?.trim() || './data'),
    logLevel,
    publicUrl: publicUrl(env, host, port),
    bodyLimit: integer(env, 'ORDO_BODY_LIMIT', 1024 * 1024, 1024, 100 * 1024 * 1024),
    workers: boolean(env, 'ORDO_WORKERS', true),
    webhooksAllowPrivate: boolean(env, 'ORDO_WEBHOOKS_ALLOW_PRIVATE', false),
    trustProxyHops: integer(env, 'ORDO_TRUST_PROXY', 0, 0, 10),
    smtpUrl: smtpUrl(env),
    mailFrom: mailFrom(env),
  };
}
