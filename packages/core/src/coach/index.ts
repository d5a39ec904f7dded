/**
 * @module coach
 * The agent draft coach.
 */
export * from './types.js';
export { DraftCoach, isUpset } from './DraftCoach.js';
export { createCoach, packWords } from './createCoach.js';
export { findShouting, unshout, type ShoutSpan } from './shouting.js';
export { findRepetition } from './repetition.js';
export { evaluateCoach, formatCoachReport, type CoachReport, type CoachScored, type KindScore } from './evaluate.js';
export { parseDraftRecord, parseDraftLines, scoreDrafts, draftContext, type DraftRecord } from './drafts.js';
