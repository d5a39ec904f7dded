/**
 * @module @calmline/core
 * Calmline's analysis core: pure TypeScript, no I/O, runs in Node and in the browser.
 */
export * from './detect/index.js';
export * from './conversation/index.js';
export * from './policy/index.js';
export * from './protocol/index.js';
export * from './coach/index.js';
export * from './review/index.js';
export * from './simulate/index.js';
