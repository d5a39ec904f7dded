/**
 * Configuration: defaults, environment over file, and a clear sentence per wrong setting.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('starts from safe defaults: loopback only, SQLite under ./data', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ host: '127.0.0.1', port: 4600, dataDir: './data', bodyLimit: 65536, secureCookies: 'auto' });
    expect(c.databaseUrl).toBeUndefined();
  });

  it('reads a JSON file and lets the environment win', () => {
    const dir = mkdtempSync(join(tmpdir(), 'calmline-config-'));
    const file = join(dir, 'calmline.json');
    writeFileSync(file, JSON.stringify({ port: 5000, logLevel: 'warn', rateLimit: { perIp: 50 } }));
    const c = loadConfig({ CALMLINE_CONFIG: file, PORT: '6000' });
    expect(c.port).toBe(6000);
    expect(c.logLevel).toBe('warn');
    expect(c.rateLimit).toEqual({ perToken: 120000, perIp: 50, signIn: 10 });
  });

  it('names every wrong setting in one error', () => {
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      expect(msg).toContain('configuration is wrong');
      expect(msg).toMatch(/port: /);
      expect(msg).toMatch(/logLevel: /);
    }
  });

  it('refuses unknown keys in the file (a typo must not be silently ignored)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'calmline-config-'));
    const file = join(dir, 'c.json');
    writeFileSync(file, JSON.stringify({ prot: 80 }));
    expect(() => loadConfig({ CALMLINE_CONFIG: file })).toThrow(/prot/);
  });

  it('keeps webhooks away from internal addresses unless told, and reads the host allow-list (issue 5)', () => {
    expect(loadConfig({})).toMatchObject({ webhookAllowPrivate: false, webhookAllowHosts: [] });
    const c = loadConfig({ CALMLINE_WEBHOOK_ALLOW_PRIVATE: 'true', CALMLINE_WEBHOOK_ALLOW_HOSTS: ' hooks.slack.com, *.Example.com ,,' });
    expect(c).toMatchObject({ webhookAllowPrivate: true, webhookAllowHosts: ['hooks.slack.com', '*.example.com'] });
    expect(loadConfig({ CALMLINE_WEBHOOK_ALLOW_PRIVATE: '0' }).webhookAllowPrivate).toBe(false);
    const dir = mkdtempSync(join(tmpdir(), 'calmline-config-'));
    const file = join(dir, 'c.json');
    writeFileSync(file, JSON.stringify({ webhookAllowPrivate: true, webhookAllowHosts: ['outlook.office.com', '2001:db8::1'] }));
    expect(loadConfig({ CALMLINE_CONFIG: file })).toMatchObject({
      webhookAllowPrivate: true,
      webhookAllowHosts: ['outlook.office.com', '2001:db8::1'],
    });
    expect(() => loadConfig({ CALMLINE_WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(/webhookAllowPrivate: /);
    expect(() => loadConfig({ CALMLINE_WEBHOOK_ALLOW_HOSTS: 'https://hooks.slack.com/services' })).toThrow(
      /webhookAllowHosts\.0: must be a host name .*no scheme, port or path/,
    );
  });

  it('explains a file that is missing or not JSON', () => {
    expect(() => loadConfig({ CALMLINE_CONFIG: '/nonexistent/calmline.json' })).toThrow(/cannot be read/);
    const dir = mkdtempSync(join(tmpdir(), 'calmline-config-'));
    writeFileSync(join(dir, 'bad.json'), '{ port: 1 ');
    expect(() => loadConfig({ CALMLINE_CONFIG: join(dir, 'bad.json') })).toThrow(/not valid JSON/);
  });
});
