/**
 * @module @calmline/core/lazy
 * The browser's entry: the engine without any language data. `await loadLanguages(['de'])`
 * downloads one language (a chunk of its own in a bundle), after which createCoach,
 * createDetector and createProtocol work for the languages loaded; a language not loaded is a
 * LanguageNotLoadedError, not a silently weaker reading. Light to import for its constants and
 * schemas too (the policy editor): nothing here loads data until asked.
 */
export * from '../detect/types.js';
export { Detector, type DetectorOptions } from '../detect/Detector.js';
export type { CreateDetectorOptions } from '../detect/detectorOptions.js';
export * from '../conversation/types.js';
export * from '../policy/index.js';
export * from '../protocol/types.js';
export { Protocol, type StartOptions } from '../protocol/Protocol.js';
export { ReplyLibrary, fillPlaceholders } from '../protocol/ReplyLibrary.js';
export { ProtocolEventSchema, ProtocolStateSchema, parseProtocolEvent, readProtocolState } from '../protocol/schema.js';
export * from '../coach/types.js';
export { DraftCoach, isUpset } from '../coach/DraftCoach.js';
export { loadLanguages, loadModel, loadedLanguages, LanguageNotLoadedError } from './load.js';
export { createDetector, createCoach, createProtocol, languagesFor } from './create.js';
