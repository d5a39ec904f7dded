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
} from './schema.js';
export { type PolicyIssue, type PolicyIssueCode } from './issues.js';
// Which languages have a register to choose: the policy editor needs it and no more of conversation/.
export { HAS_REGISTERS } from '../conversation/types.js';
