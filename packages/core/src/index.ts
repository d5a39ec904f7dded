/**
 * @module @calmline/core
 * Calmline's analysis core: pure TypeScript, no I/O, runs in Node and in the browser.
 */
export * from './detect/index.js';
