/**
 * The web UI's API types must match what the server serves now: a route whose schema changed
 * without `npm run api:types` would type-check in the UI and fail for users.
 */
import { readFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, generateApiTypes } from './api-types.js';

describe('web API types', () => {
  it('are generated from the current server', async () => {
    const options = (await resolveConfig(SCHEMA_FILE)) ?? {};
    const fresh = await format(await generateApiTypes(), { ...options, filepath: SCHEMA_FILE });
    expect(fresh === readFileSync(SCHEMA_FILE, 'utf8'), 'packages/web/src/api/schema.d.ts is stale: run `npm run api:types`').toBe(true);
  });
});
