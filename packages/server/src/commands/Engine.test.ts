import { LANGUAGES, type Detector } from '@calmline/core';
import { describe, expect, it } from 'vitest';
import { Engine } from './Engine.js';

/** The coach's compiled languages (private: what warm-up is for is that nothing else changes). */
const compiled = (engine: Engine) => (engine.coach as unknown as { packs: Map<string, unknown> }).packs.size;
const turns = (n: number) =>
  new Promise<void>((resolve) => {
    let left = n;
    const next = () => (--left <= 0 ? resolve() : setImmediate(next));
    setImmediate(next);
  });

describe('Engine', () => {
  it('gives the coach its own detector instead of building a second one', () => {
    const engine = new Engine();
    // A second detector is 18 MB of heap on every node; the coach must read with the engine's.
    expect((engine.coach as unknown as { detector: Detector }).detector).toBe(engine.detector);
  });

  it('warms the coach up one language per turn of the event loop, and stops when told', async () => {
    const engine = new Engine();
    expect(compiled(engine)).toBe(0);
    const stop = engine.warmUp();
    await turns(2);
    // Not all at once: requests get the loop between languages.
    expect(compiled(engine)).toBeGreaterThan(0);
    expect(compiled(engine)).toBeLessThan(LANGUAGES.length);
    await turns(LANGUAGES.length + 2);
    expect(compiled(engine)).toBe(LANGUAGES.length);
    stop();

    const other = new Engine();
    other.warmUp()();
    await turns(LANGUAGES.length + 2);
    expect(compiled(other)).toBe(0);
  }, 30_000);
});
