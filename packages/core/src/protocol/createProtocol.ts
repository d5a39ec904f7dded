/**
 * @module protocol/createProtocol
 * Builds a Protocol on the shipped reply library.
 */
import { shippedReplies } from '../conversation/registry.js';
import { DEFAULT_POLICY, type Policy } from '../policy/schema.js';
import { Protocol } from './Protocol.js';
import { ReplyLibrary } from './ReplyLibrary.js';

let library: ReplyLibrary | undefined;

/**
 * The shipped reply library (all languages), built once.
 * @example shippedReplyLibrary().lines('fr', 'acknowledge', 'informal').length // ≥ 4
 */
export function shippedReplyLibrary(): ReplyLibrary {
  return (library ??= new ReplyLibrary(shippedReplies()));
}

/**
 * A protocol for one policy (a validated Policy; see parsePolicy).
 * @example createProtocol().start({ lang: 'pl' }).step // 'normal'
 */
export function createProtocol(policy: Policy = DEFAULT_POLICY): Protocol {
  return new Protocol(policy, shippedReplyLibrary());
}
