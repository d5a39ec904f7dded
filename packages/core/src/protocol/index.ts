/**
 * @module protocol
 * The per-conversation state machine and suggested replies.
 */
export * from './types.js';
export { Protocol, type StartOptions } from './Protocol.js';
export { ReplyLibrary, fillPlaceholders } from './ReplyLibrary.js';
export { createProtocol, shippedReplyLibrary } from './createProtocol.js';
export { ProtocolEventSchema, ProtocolStateSchema, parseProtocolEvent, readProtocolState } from './schema.js';
