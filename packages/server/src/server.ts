/**
 * @module server
 * Starts Calmline: opens and migrates the store, creates the first organisation on a first start,
 * wires the context, listens, prunes old live events, and shuts down cleanly on SIGTERM/SIGINT.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { ActorResolver } from './auth/ActorResolver.js';
import { AesGcmSealer } from './auth/sealed.js';
import { ActionRecorder } from './commands/actionRecorder.js';
import { Engine } from './commands/Engine.js';
import { IncidentKeeper } from './commands/incidentKeeper.js';
import { purgeExpiredIncidents } from './commands/incidentRetention.js';
import { ChainKeys } from './incidents/chain.js';
import { resolveSecret } from './incidents/secret.js';
import { firstStart, type FirstStart } from './commands/firstStart.js';
import { MessageIngester } from './commands/messageIngester.js';
import { RecruitGate } from './training/recruitGate.js';
import { OrganisationCache } from './commands/OrganisationCache.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { buildApp, type BuiltApp } from './http/app.js';
import type { AppContext } from './http/context.js';
import { Metrics } from './http/metrics.js';
import { LiveHub } from './live/LiveHub.js';
import { LocalNotifier, PgNotifier, type Notifier } from './live/Notifier.js';
import { Store } from './store/Store.js';
import { WebhookDeliverer } from './webhooks/WebhookDeliverer.js';

export interface RunningServer extends BuiltApp {
  ctx: AppContext;
  url: string;
  database: Database;
  firstStart: FirstStart | undefined;
  close(): Promise<void>;
}

/** Where the store lives: DATABASE_URL, or the SQLite file in the data folder. */
export function databaseLocation(config: Config): string {
  return config.databaseUrl ?? join(config.dataDir, 'calmline.db');
}

/**
 * Opens the store and builds the app; listens unless `listen: false`.
 * @example const server = await startServer(loadConfig(process.env)); console.log(server.url)
 */
export async function startServer(config: Config, options: { listen?: boolean; logger?: boolean } = {}): Promise<RunningServer> {
  const database = openDatabase(databaseLocation(config), { poolSize: config.databasePoolSize });
  await migrateToLatest(database);
  // The server secret may itself live in the database (PostgreSQL without CALMLINE_SECRET), so a
  // store without a sealer comes first: it creates the first organisation and finds the secret.
  const bootstrap = new Store(database.db, database.dialect, { batch: false });
  const first = await firstStart(bootstrap);
  const startWarnings: string[] = [];
  const secret = await resolveSecret(config, bootstrap, database.dialect, (m) => startWarnings.push(m));
  const store = new Store(database.db, database.dialect, { sealer: new AesGcmSealer(secret) });
  // Installs from before sealing hold these secrets in clear: seal them now, all or none.
  const sealedOnStart = await store.transaction(
    async (tx) => (await tx.webhooks.sealClearSecrets()) + (await tx.integrations.sealClearSecrets()),
  );
  const hub = new LiveHub();
  const logger = options.logger === false ? false : { level: config.logLevel };
  // The app (and its logger) is built after the notifier it reports errors from.
  const logs: { log?: FastifyBaseLogger } = {};
  const onError = (err: unknown) => logs.log?.error({ err }, 'live notifier');
  const notifier: Notifier =
    database.pool && database.listenClient
      ? await PgNotifier.start(database.pool, database.listenClient, hub, store.events, randomUUID(), onError)
      : new LocalNotifier(hub);
  const incidents = new IncidentKeeper(new ChainKeys(secret));
  const pseudonymKey = createHmac('sha256', secret).update('calmline customer pseudonyms v1').digest();
  const engine = new Engine();
  const organisations = new OrganisationCache(store);
  const ctx: AppContext = {
    config,
    store,
    engine,
    organisations,
    recruits: new RecruitGate(store),
    actors: new ActorResolver(store),
    hub,
    notifier,
    ingester: new MessageIngester(store, engine, organisations, notifier, incidents),
    actions: new ActionRecorder(store, engine, organisations, notifier, incidents),
    incidents,
    metrics: new Metrics(),
    pseudonymise: (value) => `p:${createHmac('sha256', pseudonymKey).update(value.trim().toLowerCase()).digest('base64url').slice(0, 22)}`,
  };
  const built = await buildApp(ctx, logger);
  logs.log = built.app.log;
  for (const w of startWarnings) built.app.log.warn(w);
  if (sealedOnStart > 0) built.app.log.info(`sealed ${sealedOnStart} webhook and integration secrets that were stored in clear`);
  let url = '';
  if (options.listen !== false) {
    const address = await built.app.listen({ port: config.port, host: config.host });
    url = config.publicUrl ?? address.replace('[::1]', 'localhost');
  }
  const prune = setInterval(() => {
    const before = new Date(Date.now() - config.liveRetentionHours * 3600_000).toISOString();
    // Retention: closed incidents untouched for longer than their organisation's period (or the
    // configured default) lose their content.
    void Promise.all([
      store.events.prune(before),
      store.credentials.deleteExpiredSessions(),
      purgeExpiredIncidents(store, config.incidentRetentionDays),
    ]).catch((err: unknown) => built.app.log.error({ err }, 'pruning failed'));
  }, 15 * 60_000);
  prune.unref();
  // Follow-ups that fell due: a reminder on the owner's live socket, once each (every node may run
  // this; takeDue marks them, so a reminder goes out once).
  const remind = setInterval(() => {
    void store
      .transaction(async (tx) => {
        const due = await tx.wellbeing.takeDue();
        const events = [];
        for (const f of due)
          events.push(
            await tx.events.append({
              orgId: f.orgId,
              kind: 'followup.due',
              teamId: null,
              conversationId: f.conversationId,
              agentId: f.userId,
              security: false,
              payload: f,
            }),
          );
        await notifier.within(tx, events);
        return events;
      })
      .then((events) => notifier.publish(events))
      .catch((err: unknown) => built.app.log.error({ err }, 'follow-up reminders failed'));
  }, config.reminderIntervalMs);
  remind.unref();
  const deliverer = new WebhookDeliverer(
    store,
    { ...config.webhooks, allowPrivate: config.webhookAllowPrivate, allowHosts: config.webhookAllowHosts },
    (err) => built.app.log.error({ err }, 'webhook delivery failed'),
  );
  const deliver = setInterval(() => void deliverer.runOnce(), config.webhooks.intervalMs);
  deliver.unref();
  return {
    ...built,
    ctx,
    url,
    database,
    firstStart: first,
    async close() {
      clearInterval(prune);
      clearInterval(remind);
      clearInterval(deliver);
      await built.app.close();
      await notifier.close();
      await database.close();
    },
  };
}
