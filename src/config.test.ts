import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults: port 3000 on loopback, embedded database in ./data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      logLevel: 'info',
      publicUrl: 'http://127.0.0.1:3000',
      bodyLimit: 1024 * 1024,
      workers: true,
    });
    expect(config.dataDir).toMatch(/[/\\]data$/);
  });

  it('selects PostgreSQL with a postgres:// URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/ordo' }).databaseUrl).toBe(
      'postgres://u:p@db:5432/ordo',
    );
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/ordo' }).databaseUrl).toBe('postgresql://db/ordo');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT', 'must be a whole number'],
    [{ PORT: '70000' }, 'PORT', 'between 0 and 65535'],
    [{ DATABASE_URL: 'mysql://db/ordo' }, 'DATABASE_URL', 'must start with postgres://'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL', 'is not a URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', 'must be one of'],
    [{ ORDO_PUBLIC_URL: 'ftp://shop' }, 'ORDO_PUBLIC_URL', 'http:// or https://'],
    [{ ORDO_WORKERS: 'maybe' }, 'ORDO_WORKERS', 'true or false'],
    [{ ORDO_BODY_LIMIT: '10' }, 'ORDO_BODY_LIMIT', 'between'],
    [{ SMTP_URL: 'mail.example.com:587' }, 'SMTP_URL', 'must start with smtp:// or smtps://'],
    [{ SMTP_URL: 'https://mail.example.com' }, 'SMTP_URL', 'must start with smtp:// or smtps://'],
    [{ SMTP_URL: 'not a url' }, 'SMTP_URL', 'is not a URL'],
    [{ SMTP_URL: 'smtp://mail.example.com:99999' }, 'SMTP_URL', 'is not a URL'],
    [{ SMTP_URL: 'smtp://mail.example.com/inbox' }, 'SMTP_URL', 'must not have a path'],
    [{ ORDO_MAIL_FROM: 'shop' }, 'ORDO_MAIL_FROM', 'must be an email address'],
    [{ ORDO_MAIL_FROM: 'Shop <shop@example>' }, 'ORDO_MAIL_FROM', 'must be an email address'],
    [{ ORDO_MAIL_FROM: 'a@example.com, b@example.com' }, 'ORDO_MAIL_FROM', 'must be an email address'],
  ])('rejects %o naming %s', (env, variable, reason) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as Error).message).toContain(variable);
    expect((error as Error).message).toContain(reason);
  });

  it('derives the public URL from host and port, and trims a trailing slash from a given one', () => {
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ ORDO_PUBLIC_URL: 'https://shop.example.com/' }).publicUrl).toBe(
      'https://shop.example.com',
    );
  });

  it('keeps mail in Ordo without SMTP_URL, and sends from the demo shop by default', () => {
    expect(loadConfig({})).toMatchObject({
      smtpUrl: undefined,
      mailFrom: { name: 'Ordo Demo Shop', address: 'shop@demo.ordo.dev' },
    });
  });

  it('takes an smtp:// or smtps:// URL with credentials, and a sender with or without a name', () => {
    expect(loadConfig({ SMTP_URL: 'smtps://shop:s3cret@mail.example.com:465' }).smtpUrl).toBe(
      'smtps://shop:s3cret@mail.example.com:465',
    );
    expect(loadConfig({ SMTP_URL: ' smtp://127.0.0.1:2525 ' }).smtpUrl).toBe('smtp://127.0.0.1:2525');
    expect(loadConfig({ ORDO_MAIL_FROM: 'orders@shop.example.com' }).mailFrom).toEqual({
      name: '',
      address: 'orders@shop.example.com',
    });
    expect(
      loadConfig({ ORDO_MAIL_FROM: '"Tienda García, S.L." <pedidos@tienda.example.es>' }).mailFrom,
    ).toEqual({
      name: 'Tienda García, S.L.',
      address: 'pedidos@tienda.example.es',
    });
  });

  it.each([
    'smtp://shop:s3cret@mail.example.com/x',
    'imap://shop:s3cret@mail.example.com',
    'smtp://shop:s3cret@',
    'smtp://shop:s3cret@mail example.com',
  ])('never repeats the SMTP password when it refuses %s', (bad) => {
    expect(() => loadConfig({ SMTP_URL: bad })).toThrow(ConfigError);
    expect(() => loadConfig({ SMTP_URL: bad })).not.toThrow(/s3cret/);
  });
});
