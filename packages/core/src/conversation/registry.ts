/**
 * @module conversation/registry
 * Loads the shipped conversation packs, in the order of LANGUAGES, once and per language: the
 * first caller pays and everyone after shares the result.
 */
import { LANGUAGES, type Language } from '../detect/types.js';
import { compileConversationPack, compileReplies, type ConversationPack, type ConversationSource, type Reply } from './compile.js';
import { CONVERSATION_SOURCES } from './_data.js';

const shipped = new Map<Language, ConversationPack>();
let replies: { lang: Language; replies: Reply[] }[] | undefined;

function sourceOf(lang: Language): ConversationSource {
  const src = CONVERSATION_SOURCES.find((s) => s.lang === lang);
  if (!src) throw new Error(`no conversation pack for "${lang}"`);
  return src;
}

/**
 * One shipped pack, compiled on first use: its tens of thousands of cue patterns cost tens of
 * milliseconds, so a process pays only for the languages its conversations are in.
 * @example shippedConversationPack('de').cues.length
 */
export function shippedConversationPack(lang: Language): ConversationPack {
  let pack = shipped.get(lang);
  if (!pack) shipped.set(lang, (pack = compileConversationPack(sourceOf(lang))));
  return pack;
}

/**
 * Every shipped pack (compiles all ten).
 * @example shippedConversationPacks().length // 10
 */
export function shippedConversationPacks(): ConversationPack[] {
  return LANGUAGES.map(shippedConversationPack);
}

/**
 * The reply library of every shipped language, without the coach's cues (what the protocol needs).
 * @example shippedReplies().find(r => r.lang === 'fr')?.replies.length
 */
export function shippedReplies(): { lang: Language; replies: Reply[] }[] {
  return (replies ??= LANGUAGES.map((lang) => ({ lang, replies: compileReplies(sourceOf(lang)) })));
}
