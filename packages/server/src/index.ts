/**
 * @module @calmline/server
 * Calmline's server: store, HTTP and WebSocket API, auth, live alerts.
 */
export { loadConfig, ConfigSchema, ConfigError, type Config } from './config.js';
export { startServer, databaseLocation, type RunningServer } from './server.js';
export { openDatabase, type Database } from './db/connect.js';
export { migrateToLatest, migrateToNothing } from './db/migrate.js';
export { Store } from './store/Store.js';
export { ROLES, PERMISSIONS, can, type Role, type Permission } from './auth/roles.js';
export { hashPassword, verifyPassword, newSecret, sha256 } from './auth/secrets.js';
export { issueSignInLink, FIRST_ADMIN_EMAIL } from './commands/firstStart.js';
export { ERRORS, AppError, type ErrorId } from './http/errors.js';
export type * from './store/types.js';
export { IncidentKeeper } from './commands/incidentKeeper.js';
export { ChainKeys, verifyChain, type ChainReport } from './incidents/chain.js';
export { resolveSecret } from './incidents/secret.js';
export { MessageIngester, type IngestInput, type IngestResult, type ConversationRef } from './commands/messageIngester.js';
export { Engine } from './commands/Engine.js';
export { OrganisationCache } from './commands/OrganisationCache.js';
export { firstStart, type FirstStart } from './commands/firstStart.js';
