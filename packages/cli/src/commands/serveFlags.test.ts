/**
 * The server's Node flags are the same in both places that start it (`npm start` and the server
 * bench), and they do bound V8's young generation: a process that churns through short-lived
 * objects keeps a smaller new space with them than without.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SERVE_NODE_FLAGS } from './serveFlags.js';

const rootPackage = fileURLToPath(new URL('../../../../package.json', import.meta.url));

/** The new space's size in MB after a burst of garbage, in a fresh node with the given flags. */
function newSpaceAfterChurn(flags: readonly string[]): number {
  const script = `
    const v8 = require('node:v8');
    let keep = [];
    for (let i = 0; i < 3e6; i++) { keep.push({ a: i, b: 'x' + i }); if (keep.length > 2e5) keep = []; }
    const ns = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    process.stdout.write(String(ns.space_size / 1048576));`;
  const r = spawnSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return Number(r.stdout);
}

describe('the server runs with its Node flags', () => {
  it('npm start passes the same flags as the server bench', () => {
    const scripts = (JSON.parse(readFileSync(rootPackage, 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toContain(`node ${SERVE_NODE_FLAGS.join(' ')} packages/cli/dist/bin.js serve`);
  });

  it('the flags keep the young generation smaller under a high allocation rate', () => {
    expect(newSpaceAfterChurn(SERVE_NODE_FLAGS)).toBeLessThan(newSpaceAfterChurn([]));
  });
});
