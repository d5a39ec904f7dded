/**
 * The server's Node flags are the same in both places that start it (`npm start` and the server
 * bench), the README's NODE_OPTIONS form works, and they do bound V8's young generation: a process
 * that churns through short-lived objects keeps a smaller new space with them than without. (The
 * old generation's setting, which `calmline serve` applies to itself, is measured by the server
 * bench: V8's own growing factor depends on timing, so a test comparing heaps would be flaky.)
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

  it('the flags work in NODE_OPTIONS, as the README gives them for production', () => {
    const r = spawnSync(process.execPath, ['-e', 'process.stdout.write("up")'], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: SERVE_NODE_FLAGS.join(' ') },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('up');
  });

  it('the flags keep the young generation smaller under a high allocation rate', () => {
    expect(newSpaceAfterChurn(SERVE_NODE_FLAGS)).toBeLessThan(newSpaceAfterChurn([]));
  }, 30_000);
});
