/**
 * @module review
 * Scoring whole transcripts against the conversation practices.
 */
export { ConversationReviewer, CRITERIA, type Criterion, type CriterionResult, type Review, type Turn } from './ConversationReviewer.js';
