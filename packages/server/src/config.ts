/**
 * @module config
 * Configuration from a JSON file (CALMLINE_CONFIG or --config) and the environment (which wins),
 * validated once at start: a wrong value stops the server with a sentence naming the setting.
 */
import { readFileSync } from 'node:fs';
import { isIPv6 } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

export const ConfigSchema = z
  .object({
    port: z.coerce.number().int().min(0).max(65535).default(4600),
    host: z.string().min(1).default('127.0.0.1'),
    /** postgres://… for PostgreSQL; otherwise the SQLite file is `<dataDir>/calmline.db`. */
    databaseUrl: z.string().min(1).optional(),
    dataDir: z.string().min(1).default('./data'),
    /** PostgreSQL connections per node (LISTEN uses one more of its own). */
    databasePoolSize: z.coerce.number().int().min(2).max(200).default(10),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /**
     * Requests handled at once (live sockets, health checks and metrics not counted); more are
     * answered 503 with Retry-After instead of queueing in memory.
     */
    maxInFlight: z.coerce.number().int().min(1).max(100_000).default(256),
    /** Largest request body in bytes. */
    bodyLimit: z.coerce.number().int().min(1024).max(10_485_760).default(65_536),
    rateLimit: z
      .object({
        /** Requests per minute for one API token (integrations send a lot). */
        perToken: z.coerce.number().int().min(1).default(120_000),
        /** Requests per minute from one IP address without a token. */
        perIp: z.coerce.number().int().min(1).default(1_200),
        /** Sign-in attempts per minute from one IP address. */
        signIn: z.coerce.number().int().min(1).default(10),
      })
      .prefault({}),
    /** Session length in hours. */
    sessionHours: z.coerce
      .number()
      .min(0.1)
      .max(24 * 30)
      .default(12),
    /** Cookies marked Secure: `auto` when the request came over HTTPS (or via a proxy that says so). */
    secureCookies: z.enum(['auto', 'always', 'never']).default('auto'),
    /** Trust X-Forwarded-* from a reverse proxy. */
    trustProxy: z.coerce.boolean().default(false),
    /** The address printed in sign-in links; defaults to http://host:port. */
    publicUrl: z.url().optional(),
    /**
     * The server secret that keys the incident chain's HMACs. Without it a key is generated once and
     * kept in `<dataDir>/secret.key` (SQLite) or, with a warning, in the database (PostgreSQL: give
     * every node the same CALMLINE_SECRET instead, so the key is not stored beside what it protects).
     */
    secret: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Live events older than this many hours are pruned (clients catch up from within it). */
    liveRetentionHours: z.coerce.number().min(1).default(48),
    /** Outbound webhooks: how often the outbox is looked at, the first retry delay (doubling), attempts before giving up. */
    webhooks: z
      .object({
        intervalMs: z.coerce.number().int().min(50).max(60_000).default(1000),
        backoffMs: z.coerce.number().int().min(10).max(3_600_000).default(5000),
        maxAttempts: z.coerce.number().int().min(1).max(50).default(10),
        timeoutMs: z.coerce.number().int().min(100).max(60_000).default(10_000),
      })
      .prefault({}),
    /**
     * Let webhooks reach loopback, private, link-local (cloud metadata) and other internal addresses.
     * Off: a webhook URL must not turn the server into a way into the network it runs in.
     */
    webhookAllowPrivate: z.boolean().default(false),
    /**
     * When not empty, the only hosts webhooks may be sent to (`hooks.slack.com`, or `*.example.com`
     * for its subdomains). Empty: any public host.
     */
    webhookAllowHosts: z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .refine((h) => /^(\*\.)?[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(h) || isIPv6(h.replace(/^\[|\]$/g, '')), {
            message: 'must be a host name (hooks.slack.com), *.example.com for its subdomains, or an IP address; no scheme, port or path',
          }),
      )
      .default([]),
    /** Closed incidents older than this (since their last change) have their content purged; the chain stays verifiable. */
    incidentRetentionDays: z.coerce.number().int().min(1).max(36_500).default(1826),
    /** The built web UI's folder; defaults to packages/web/dist beside the server. */
    webRoot: z.string().min(1).optional(),
    /** How often due follow-ups are looked for (milliseconds). */
    reminderIntervalMs: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
    /**
     * Training: an OpenAI-compatible model server the organisation runs itself (e.g.
     * http://127.0.0.1:8080/v1) that writes the simulated customer's words in free-text sessions.
     * Off when unset: the scripted lines are used, and nothing leaves the machine.
     */
    simModelUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL such as http://127.0.0.1:8080/v1' }).optional(),
    /** The model name sent to that server. */
    simModelName: z.string().trim().min(1).max(200).default('local'),
    /** How long a customer line may take before the scripted one is used instead (milliseconds). */
    simModelTimeoutMs: z.coerce.number().int().min(100).max(60_000).default(8000),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Calmline cannot start: the configuration is wrong.\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const ENV: Record<string, (c: Record<string, unknown>, v: string) => void> = {
  PORT: (c, v) => (c.port = v),
  HOST: (c, v) => (c.host = v),
  DATABASE_URL: (c, v) => (c.databaseUrl = v),
  CALMLINE_DATABASE_POOL_SIZE: (c, v) => (c.databasePoolSize = v),
  CALMLINE_DATA_DIR: (c, v) => (c.dataDir = v),
  LOG_LEVEL: (c, v) => (c.logLevel = v),
  CALMLINE_BODY_LIMIT: (c, v) => (c.bodyLimit = v),
  CALMLINE_MAX_IN_FLIGHT: (c, v) => (c.maxInFlight = v),
  CALMLINE_PUBLIC_URL: (c, v) => (c.publicUrl = v),
  CALMLINE_WEB_ROOT: (c, v) => (c.webRoot = v),
  CALMLINE_SECRET: (c, v) => (c.secret = v),
  CALMLINE_INCIDENT_RETENTION_DAYS: (c, v) => (c.incidentRetentionDays = v),
  CALMLINE_SIM_MODEL_URL: (c, v) => (c.simModelUrl = v),
  CALMLINE_SIM_MODEL: (c, v) => (c.simModelName = v),
  CALMLINE_SIM_MODEL_TIMEOUT_MS: (c, v) => (c.simModelTimeoutMs = v),
  CALMLINE_SECURE_COOKIES: (c, v) => (c.secureCookies = v),
  CALMLINE_TRUST_PROXY: (c, v) => (c.trustProxy = v === 'true' || v === '1'),
  // Anything but true/1/false/0 is passed on as text, so it is refused with the setting's name.
  CALMLINE_WEBHOOK_ALLOW_PRIVATE: (c, v) =>
    (c.webhookAllowPrivate = v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v),
  CALMLINE_WEBHOOK_ALLOW_HOSTS: (c, v) =>
    (c.webhookAllowHosts = v
      .split(',')
      .map((h) => h.trim())
      .filter((h) => h !== '')),
  CALMLINE_RATE_LIMIT_PER_TOKEN: (c, v) => (((c.rateLimit ??= {}) as Record<string, unknown>).perToken = v),
  CALMLINE_RATE_LIMIT_PER_IP: (c, v) => (((c.rateLimit ??= {}) as Record<string, unknown>).perIp = v),
};

/**
 * Reads the file (if any), lays the environment over it and validates.
 * @example loadConfig({ PORT: '8080' }).port // 8080
 */
export function loadConfig(env: Record<string, string | undefined>, overrides: Record<string, unknown> = {}): Config {
  const raw: Record<string, unknown> = {};
  const file = (overrides.configFile as string | undefined) ?? env.CALMLINE_CONFIG;
  if (file) {
    let text: string;
    try {
      text = readFileSync(resolve(file), 'utf8');
    } catch {
      throw new ConfigError([`config file ${file} cannot be read`]);
    }
    try {
      Object.assign(raw, JSON.parse(text));
    } catch (err) {
      throw new ConfigError([`config file ${file} is not valid JSON (${(err as Error).message})`]);
    }
  }
  for (const [name, set] of Object.entries(ENV)) {
    const v = env[name];
    if (v !== undefined && v !== '') set(raw, v);
  }
  const { configFile: _ignored, ...rest } = overrides;
  Object.assign(raw, rest);
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`));
  return parsed.data;
}
