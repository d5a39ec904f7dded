/**
 * @module policy
 * An organisation's policy for difficult contacts.
 */
export {
  PolicySchema,
  parsePolicy,
  PolicyError,
  DEFAULT_POLICY,
  CRISIS_PLACEHOLDERS,
  crisisResource,
  registerFor,
  type Policy,
  type PolicyInput,
  type PolicyIssue,
} from './schema.js';
