/**
 * @module input/validate
 * Checks one input record and turns it into analysis input, or says in a sentence what is wrong.
 */
import { isLanguage, type Language } from '@calmline/core/detect';

export interface MessageInput {
  id: string | number | null;
  text: string;
  lang?: Language;
}

/**
 * @example validateRecord(JSON.parse('{"text":"hi"}')) // { id: null, text: 'hi' }
 */
export function validateRecord(value: unknown): MessageInput | { error: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { error: 'each line must be a JSON object with a "text" field' };
  const v = value as Record<string, unknown>;
  if (typeof v.text !== 'string') return { error: 'the "text" field is missing or is not a string' };
  if (v.id !== undefined && v.id !== null && typeof v.id !== 'string' && typeof v.id !== 'number')
    return { error: 'the "id" field must be a string or a number' };
  if (v.lang !== undefined && v.lang !== null && v.lang !== '' && !isLanguage(v.lang))
    return { error: `unknown "lang" ${JSON.stringify(v.lang)}: use one of en, ru, pl, zh, he, uk, de, es, fr, ar` };
  const out: MessageInput = { id: (v.id as string | number | undefined) ?? null, text: v.text };
  if (isLanguage(v.lang)) out.lang = v.lang;
  return out;
}
