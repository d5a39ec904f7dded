/**
 * Names for the admin pages' API shapes, derived from the generated schema like src/api/types.ts
 * (kept here so the shared file stays small; move them there if another screen needs them).
 */
import type { Body, Organisation, Reply, User } from '../../api/types';

export type Policy = Organisation['policy'];
export type Role = User['role'];
export type ApiToken = Reply<'/api/tokens'>['tokens'][number];
export type Webhook = Reply<'/api/webhooks'>['webhooks'][number];
export type WebhookEvent = Webhook['events'][number];
export type WebhookFormat = Webhook['format'];
export type Delivery = Reply<'/api/webhooks/{id}/deliveries'>['deliveries'][number];
export type Integration = Reply<'/api/integrations'>['integrations'][number];
export type IntegrationKind = Integration['kind'];
export type CustomerBlock = Reply<'/api/blocks'>['blocks'][number];
export type AuditEntry = Reply<'/api/audit'>['entries'][number];
export type NewUser = Body<'/api/users', 'post'>;

/**
 * GET/PUT /api/organisation/retention. Written by hand until `npm run api:types` is next run; then
 * it becomes `Reply<'/api/organisation/retention'>` like the names above.
 */
export type Retention = Reply<'/api/organisation/retention'>;

/** The roles in the order an admin thinks of them (the server's enum). */
export const ROLES: readonly Role[] = ['agent', 'lead', 'security', 'trainer', 'analyst', 'admin'];
export const WEBHOOK_FORMATS: readonly WebhookFormat[] = ['generic', 'slack', 'teams'];
export const WEBHOOK_EVENTS: readonly WebhookEvent[] = ['alert.raised', 'alert.updated', 'incident.opened', 'webhook.test'];
export const INTEGRATION_KINDS: readonly IntegrationKind[] = ['generic', 'zendesk', 'twilio'];

/** The translation key of a webhook event ("alert.raised" has a dot, which i18next reads as nesting). */
export const eventKey = (event: string) => `webhooks.eventNames.${event.replace('.', '_')}`;
