/**
 * The packed scenarios match their JSON sources: a scenario edited without re-packing would train
 * recruits on text nobody reviewed in the data files.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OUTPUT, readScenarios, renderScenarios } from './pack-scenarios.js';

describe('pack:scenarios', () => {
  it('has packed every scenario file as it stands', () => {
    expect(readFileSync(OUTPUT, 'utf8'), 'run npm run pack:scenarios').toBe(renderScenarios(readScenarios()));
  });
});
