/**
 * @module conversation/registry
 * Loads the shipped conversation packs, in the order of LANGUAGES, once: compiling them takes a
 * few milliseconds, so the first caller pays and everyone after shares the result.
 */
import { LANGUAGES } from '../detect/types.js';
import { compileConversationPack, type ConversationPack, type ConversationSource } from './compile.js';
import { CONVERSATION_SOURCES } from './_data.js';

/**
 * Compiles sources in the order of LANGUAGES; a missing language is an error, so a missing folder
 * cannot silently switch a language off.
 * @example loadConversationPacks(CONVERSATION_SOURCES).map(p => p.lang) // ['en', 'ru', …]
 */
export function loadConversationPacks(sources: readonly ConversationSource[]): ConversationPack[] {
  return LANGUAGES.map((lang) => {
    const src = sources.find((s) => s.lang === lang);
    if (!src) throw new Error(`no conversation pack for "${lang}"`);
    return compileConversationPack(src);
  });
}

let shipped: ConversationPack[] | undefined;

/**
 * The packs shipped with Calmline (data/conversation), compiled on first use.
 * @example shippedConversationPacks().length // 10
 */
export function shippedConversationPacks(): ConversationPack[] {
  return (shipped ??= loadConversationPacks(CONVERSATION_SOURCES));
}
