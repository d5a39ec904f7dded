/**
 * @module store/Store
 * Every repository over one Kysely handle, and transactions that give a Store of their own.
 */
import type { Kysely } from 'kysely';
import type { Sealer } from '../auth/sealed.js';
import type { DB } from '../db/schema.js';
import type { DialectName } from '../db/migrations/index.js';
import { AlertRepository } from './AlertRepository.js';
import { AnalyticsRepository } from './AnalyticsRepository.js';
import { AuditRepository } from './AuditRepository.js';
import { BlockRepository } from './BlockRepository.js';
import { ConversationRepository } from './ConversationRepository.js';
import { CredentialRepository } from './CredentialRepository.js';
import { ImprovementProjectRepository } from './ImprovementProjectRepository.js';
import { IncidentRepository } from './IncidentRepository.js';
import { IntegrationRepository } from './IntegrationRepository.js';
import { LibraryRepository } from './LibraryRepository.js';
import { LiveEventRepository } from './LiveEventRepository.js';
import { OrganisationRepository } from './OrganisationRepository.js';
import { ReviewRepository } from './ReviewRepository.js';
import { SettingRepository } from './SettingRepository.js';
import { TeamRepository } from './TeamRepository.js';
import { TrainingRepository } from './TrainingRepository.js';
import { TransactionBatcher } from './TransactionBatcher.js';
import { UserRepository } from './UserRepository.js';
import { WebhookRepository } from './WebhookRepository.js';
import { WellbeingRepository } from './WellbeingRepository.js';

export interface StoreOptions {
  /** Group commits (SQLite only; a transaction's store does not batch again). Default: on for SQLite. */
  batch?: boolean;
  /**
   * Seals the secrets the webhook and integration repositories store, keyed from the server secret.
   * Without one, those secrets can be neither written nor read (commands that never touch them need none).
   */
  sealer?: Sealer;
}

export class Store {
  readonly organisations: OrganisationRepository;
  readonly teams: TeamRepository;
  readonly users: UserRepository;
  readonly credentials: CredentialRepository;
  readonly conversations: ConversationRepository;
  readonly alerts: AlertRepository;
  readonly audit: AuditRepository;
  readonly events: LiveEventRepository;
  readonly settings: SettingRepository;
  readonly incidents: IncidentRepository;
  readonly blocks: BlockRepository;
  readonly wellbeing: WellbeingRepository;
  readonly integrations: IntegrationRepository;
  readonly webhooks: WebhookRepository;
  readonly analytics: AnalyticsRepository;
  readonly projects: ImprovementProjectRepository;
  readonly training: TrainingRepository;
  readonly reviews: ReviewRepository;
  readonly library: LibraryRepository;

  /** SQLite only, and only on the root store (a transaction's store does not batch again). */
  private readonly batcher: TransactionBatcher | undefined;

  private readonly sealer: Sealer | undefined;

  constructor(
    readonly db: Kysely<DB>,
    readonly dialect: DialectName,
    { batch = dialect === 'sqlite', sealer }: StoreOptions = {},
  ) {
    this.sealer = sealer;
    this.batcher = batch ? new TransactionBatcher(db) : undefined;
    this.organisations = new OrganisationRepository(db);
    this.teams = new TeamRepository(db);
    this.users = new UserRepository(db);
    this.credentials = new CredentialRepository(db);
    this.conversations = new ConversationRepository(db, dialect);
    this.alerts = new AlertRepository(db);
    this.audit = new AuditRepository(db);
    this.events = new LiveEventRepository(db);
    this.settings = new SettingRepository(db);
    this.incidents = new IncidentRepository(db, dialect);
    this.blocks = new BlockRepository(db);
    this.wellbeing = new WellbeingRepository(db);
    this.integrations = new IntegrationRepository(db, sealer);
    this.webhooks = new WebhookRepository(db, sealer);
    this.analytics = new AnalyticsRepository(db);
    this.projects = new ImprovementProjectRepository(db);
    this.training = new TrainingRepository(db, dialect);
    this.reviews = new ReviewRepository(db);
    this.library = new LibraryRepository(db);
  }

  /**
   * Runs `fn` in one transaction; everything it writes commits together or not at all, and the
   * promise settles only after the commit. On SQLite, transactions arriving together share a commit
   * (see TransactionBatcher).
   */
  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    const inner = (trx: Kysely<DB>) => new Store(trx, this.dialect, { batch: false, sealer: this.sealer });
    if (this.batcher) return this.batcher.run((trx) => fn(inner(trx)));
    return this.db.transaction().execute((trx) => fn(inner(trx)));
  }
}
