/**
 * @module conversation/types
 * The closed vocabularies of the conversation packs (see data/conversation/README.md): reply
 * situations, registers, placeholders, coach cues and the kinds of finding in a draft.
 */
import type { Language } from '../detect/types.js';

/** When the protocol suggests a reply. */
export const SITUATIONS = [
  'acknowledge',
  'restate_confirm',
  'help_boundary',
  'final_boundary',
  'end_contact',
  'hand_over',
  'threat_response',
  'crisis_response',
  'closing_recap',
  'follow_up',
] as const;
export type Situation = (typeof SITUATIONS)[number];

/** Polite or familiar "you"; `both` marks text usable in either. */
export const REGISTERS = ['formal', 'informal'] as const;
export type Register = (typeof REGISTERS)[number];

/** Languages whose second person has a polite and a familiar form. */
export const HAS_REGISTERS: ReadonlySet<Language> = new Set(['ru', 'uk', 'pl', 'de', 'fr', 'es', 'zh']);

/** The only placeholders a reply may contain, filled from the conversation's context. */
export const PLACEHOLDERS = ['agent_name', 'callback_window', 'crisis_resource', 'follow_up_time'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** Problem cues: phrases that are a finding of the same name. */
export const PROBLEM_CUES = [
  'negative_phrasing',
  'over_promise',
  'premature_fault',
  'lecturing',
  'dismissive',
  'blaming',
  'sarcasm',
  'transfer_without_ownership',
  'agent_profanity',
] as const;

/** Kinds of finding the draft coach reports (DRAFT-KINDS.md plus repetition): the problem cues and three checks of their own. */
export const FINDING_KINDS = [...PROBLEM_CUES, 'shouting', 'missing_acknowledgement', 'repetition'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Good-practice cues: they cancel findings or are counted by the conversation review. */
export const PRACTICE_CUES = [
  'ack',
  'checked',
  'ownership',
  'solution',
  'restate',
  'confirm',
  'agreement',
  'recap',
  'anything_else',
  'boundary',
] as const;
/**
 * Signal cues: small word classes that are no finding alone, but two of them in one sentence are
 * (ironic praise next to a mishap is sarcasm; a duty word next to the customer's role is lecturing).
 * The pairs are in coach/signals.ts; the classes are per language, so one rule covers them all.
 */
export const SIGNAL_CUES = [
  'irony',
  'mishap',
  'whole',
  'timespan',
  'volition',
  'thing',
  'surely',
  'duty',
  'holder',
  'beforehand',
  'rather_than',
  'counterfactual',
  'check_verb',
  'notice',
  'every_time',
  'next_time',
  'advice',
  'ours',
  'good_news',
  'add_on',
  'nth',
  'thanks',
  'pity',
  'common_knowledge',
  'should_have',
] as const;
export const CUES = [...PROBLEM_CUES, ...PRACTICE_CUES, ...SIGNAL_CUES] as const;
export type Cue = (typeof CUES)[number];

/**
 * Tells whether a string is one of the cue names.
 * @example isCue('ack') // true
 */
export function isCue(value: string): value is Cue {
  return (CUES as readonly string[]).includes(value);
}

/**
 * Tells whether a string is one of the finding kinds.
 * @example isFindingKind('sarcasm') // true
 */
export function isFindingKind(value: string): value is FindingKind {
  return (FINDING_KINDS as readonly string[]).includes(value);
}
