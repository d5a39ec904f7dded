/**
 * @module policy/schema
 * An organisation's policy for difficult contacts, as validated data. One Zod schema is the single
 * source: the protocol reads the parsed value, the server builds its API schema from it, and every
 * error names the field that is wrong.
 */
import { z } from 'zod';
import { LANGUAGES, type Language } from '../detect/types.js';
import { REGISTERS, type Register } from '../conversation/types.js';
import { policyIssues, type PolicyIssue } from './issues.js';

/**
 * What the crisis line reads as until the organisation sets its own: a visible placeholder in the
 * customer's language, never a phone number we cannot vouch for.
 */
export const CRISIS_PLACEHOLDERS: Record<Language, string> = {
  en: '[crisis line: set by your organisation]',
  ru: '[телефон доверия: укажите в политике организации]',
  pl: '[telefon zaufania: uzupełnij w zasadach organizacji]',
  zh: '[心理援助热线：请在机构政策中填写]',
  he: '[קו סיוע במשבר: יש להגדיר במדיניות הארגון]',
  uk: '[телефон довіри: вкажіть у політиці організації]',
  de: '[Krisentelefon: in der Richtlinie der Organisation eintragen]',
  es: '[línea de ayuda en crisis: indíquela en la política de la organización]',
  fr: "[ligne d'écoute : à renseigner dans la politique de l'organisation]",
  ar: '[خط المساعدة في الأزمات: يُحدَّد في سياسة المؤسسة]',
};

const languageRecord = <T extends z.ZodType>(value: T) => z.partialRecord(z.enum(LANGUAGES), value);

/** The policy schema. Every field has a default, so `{}` is a valid policy. */
export const PolicySchema = z
  .object({
    /** Warnings before the contact may be ended (the last of them is the final warning). */
    warningsBeforeEnd: z.number().int().min(1).max(5).default(2),
    /** Profanity not aimed at anyone: ignored, gently addressed, or treated like abuse (the ladder). */
    profanity: z.enum(['ignore', 'address', 'ladder']).default('address'),
    /** After the final warning, further abuse leads to ending the contact or handing it to a supervisor. */
    afterFinalWarning: z.enum(['end', 'hand_over']).default('end'),
    /** Calm customer messages in a row that step the ladder back down one level. */
    calmMessagesToStepDown: z.number().int().min(1).max(20).default(3),
    threat: z
      .object({
        alertSupervisor: z.boolean().default(true),
        alertSecurity: z.boolean().default(true),
        /** The agent may end the contact at once, without the warning ladder. */
        endAllowedImmediately: z.boolean().default(true),
      })
      .prefault({}),
    crisis: z
      .object({
        alertSupervisor: z.boolean().default(true),
        /** Crisis resources per language (name and number of the organisation's chosen service). */
        resources: languageRecord(z.string().trim().min(3).max(300)).default({}),
      })
      .prefault({}),
    wellbeing: z
      .object({
        /** Rolling window over which an agent's exposure is counted. */
        windowHours: z.number().int().min(1).max(168).default(8),
        abuseContacts: z.number().int().min(1).max(100).default(3),
        threatContacts: z.number().int().min(1).max(100).default(1),
        selfHarmContacts: z.number().int().min(1).max(100).default(1),
        /** Suggested recovery break after a hard contact. */
        breakMinutes: z.number().int().min(1).max(120).default(10),
      })
      .prefault({}),
    /** Polite or familiar "you" per language (languages without the distinction ignore it). */
    register: languageRecord(z.enum(REGISTERS)).default({}),
  })
  .strict();

/** A validated policy, defaults filled in. */
export type Policy = z.infer<typeof PolicySchema>;
/** What an organisation writes: every field optional. */
export type PolicyInput = z.input<typeof PolicySchema>;

/** A policy that does not validate; `issues` name every wrong field, with a code a UI can translate. */
export class PolicyError extends Error {
  constructor(readonly issues: PolicyIssue[]) {
    super(`invalid policy: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
    this.name = 'PolicyError';
  }
}

/**
 * Validates a policy and fills in the defaults; throws PolicyError naming each wrong field.
 * @example parsePolicy({ warningsBeforeEnd: 3 }).profanity // 'address'
 * @example parsePolicy({ warningsBeforeEnd: 0 }) // throws PolicyError: warningsBeforeEnd: must be a whole number from 1 to 5
 */
export function parsePolicy(input: unknown): Policy {
  const result = PolicySchema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw new PolicyError(policyIssues(PolicySchema, result.error.issues));
}

/** The default policy. */
export const DEFAULT_POLICY: Policy = parsePolicy({});

/**
 * The crisis resource to give a customer in `lang`: the organisation's, or a visible placeholder.
 * @example crisisResource(DEFAULT_POLICY, 'de') // '[Krisentelefon: …]'
 */
export function crisisResource(policy: Policy, lang: Language): string {
  return policy.crisis.resources[lang] ?? CRISIS_PLACEHOLDERS[lang];
}

/**
 * The register a conversation in `lang` uses under this policy.
 * @example registerFor(DEFAULT_POLICY, 'de') // 'formal'
 */
export function registerFor(policy: Policy, lang: Language): Register {
  return policy.register[lang] ?? 'formal';
}
