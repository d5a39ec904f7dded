/**
 * @module conversation
 * The conversation packs: reply library, coach cues and advice per language, as data.
 */
export * from './types.js';
export {
  compileConversationPack,
  compileReplies,
  fitsRegister,
  textId,
  ConversationPackError,
  MIN_REPLY_VARIANTS,
  MIN_BETTER_VARIANTS,
  type ConversationPack,
  type ConversationSource,
  type Reply,
  type CuePattern,
  type KindAdvice,
} from './compile.js';
export { CueMatcher, type CueHit } from './CueMatcher.js';
export { shippedConversationPack, shippedConversationPacks, shippedReplies } from './registry.js';
export { CONVERSATION_SOURCES } from './_data.js';
