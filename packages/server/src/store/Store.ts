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
  /**
   * Repositories are made on first use: a transaction's store is new for every transaction, and
   * the ingest path uses four of the nineteen.
   */
  private readonly repos: {
    organisations?: OrganisationRepository;
    teams?: TeamRepository;
    users?: UserRepository;
    credentials?: CredentialRepository;
    conversations?: ConversationRepository;
    alerts?: AlertRepository;
    audit?: AuditRepository;
    events?: LiveEventRepository;
    settings?: SettingRepository;
    incidents?: IncidentRepository;
    blocks?: BlockRepository;
    wellbeing?: WellbeingRepository;
    integrations?: IntegrationRepository;
    webhooks?: WebhookRepository;
    analytics?: AnalyticsRepository;
    projects?: ImprovementProjectRepository;
    training?: TrainingRepository;
    reviews?: ReviewRepository;
    library?: LibraryRepository;
  } = {};

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
  }

  get organisations(): OrganisationRepository {
    return (this.repos.organisations ??= new OrganisationRepository(this.db));
  }

  get teams(): TeamRepository {
    return (this.repos.teams ??= new TeamRepository(this.db));
  }

  get users(): UserRepository {
    return (this.repos.users ??= new UserRepository(this.db));
  }

  get credentials(): CredentialRepository {
    return (this.repos.credentials ??= new CredentialRepository(this.db));
  }

  get conversations(): ConversationRepository {
    return (this.repos.conversations ??= new ConversationRepository(this.db, this.dialect));
  }

  get alerts(): AlertRepository {
    return (this.repos.alerts ??= new AlertRepository(this.db));
  }

  get audit(): AuditRepository {
    return (this.repos.audit ??= new AuditRepository(this.db));
  }

  get events(): LiveEventRepository {
    return (this.repos.events ??= new LiveEventRepository(this.db, this.dialect));
  }

  get settings(): SettingRepository {
    return (this.repos.settings ??= new SettingRepository(this.db));
  }

  get incidents(): IncidentRepository {
    return (this.repos.incidents ??= new IncidentRepository(this.db, this.dialect));
  }

  get blocks(): BlockRepository {
    return (this.repos.blocks ??= new BlockRepository(this.db));
  }

  get wellbeing(): WellbeingRepository {
    return (this.repos.wellbeing ??= new WellbeingRepository(this.db));
  }

  get integrations(): IntegrationRepository {
    return (this.repos.integrations ??= new IntegrationRepository(this.db, this.sealer));
  }

  get webhooks(): WebhookRepository {
    return (this.repos.webhooks ??= new WebhookRepository(this.db, this.sealer));
  }

  get analytics(): AnalyticsRepository {
    return (this.repos.analytics ??= new AnalyticsRepository(this.db));
  }

  get projects(): ImprovementProjectRepository {
    return (this.repos.projects ??= new ImprovementProjectRepository(this.db));
  }

  get training(): TrainingRepository {
    return (this.repos.training ??= new TrainingRepository(this.db, this.dialect));
  }

  get reviews(): ReviewRepository {
    return (this.repos.reviews ??= new ReviewRepository(this.db));
  }

  get library(): LibraryRepository {
    return (this.repos.library ??= new LibraryRepository(this.db));
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
