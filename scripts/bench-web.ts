/**
 * `npm run bench:web`: the production bundle's size (raw and gzip, first load and each screen's
 * chunk) and its first load over loopback in Debian's chromium, against a named peer measured in
 * the same run: the Swagger UI page the same server serves at /api/docs (a widely used single-page
 * app of similar kind). Times are medians of fresh browser contexts (empty cache each time).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { spawnServer } from '../packages/server/src/test/spawnServer.js';

const DIST = fileURLToPath(new URL('../packages/web/dist/', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function bundleSizes() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entry = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!));
  const files = readdirSync(join(DIST, 'assets')).map((name) => {
    const buf = readFileSync(join(DIST, 'assets', name));
    return { name, raw: statSync(join(DIST, 'assets', name)).size, gzip: gzipSync(buf).length, entry: entry.has(`assets/${name}`) };
  });
  const sum = (fs: typeof files, k: 'raw' | 'gzip') => fs.reduce((a, f) => a + f[k], 0);
  const first = files.filter((f) => f.entry);
  return { files, firstRaw: sum(first, 'raw'), firstGzip: sum(first, 'gzip'), allRaw: sum(files, 'raw'), allGzip: sum(files, 'gzip') };
}

/** Milliseconds from navigation to the given element being visible, in a fresh context each run. */
async function firstLoad(browser: Browser, url: string, selector: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const t0 = performance.now();
    await page.goto(url);
    await page.locator(selector).first().waitFor({ state: 'visible' });
    times.push(performance.now() - t0);
    await ctx.close();
  }
  return times;
}

const sizes = bundleSizes();
console.log('Web UI bundle (packages/web/dist)');
console.log(`  first load (index + entry JS + CSS): ${kb(sizes.firstRaw)} raw, ${kb(sizes.firstGzip)} gzip`);
console.log(`  all assets:                          ${kb(sizes.allRaw)} raw, ${kb(sizes.allGzip)} gzip`);
for (const f of sizes.files.sort((a, b) => b.raw - a.raw).slice(0, 8))
  console.log(`    ${f.name.padEnd(40)} ${kb(f.raw).padStart(10)} ${kb(f.gzip).padStart(10)} gzip`);

/**
 * What the console's draft coach downloads for a conversation in one language: the chunk the
 * coach imports lazily (the engine, with what it imports) and that language's data chunks, read
 * from the built files' own import statements.
 */
function coachDownload(files: ReturnType<typeof bundleSizes>['files'], lang: string) {
  const text = (name: string) => readFileSync(join(DIST, 'assets', name), 'utf8');
  const dynamic = (name: string) => [...text(name).matchAll(/import\([`"']\.\/([^`"']+\.js)[`"']\)/g)].map((m) => m[1]!);
  const closure = (names: string[], into = new Set<string>()): Set<string> => {
    for (const n of names) {
      if (into.has(n)) continue;
      into.add(n);
      closure(
        [...text(n).matchAll(/(?:from|import)\s*[`"']\.\/([^`"']+\.js)[`"']/g)].map((m) => m[1]!),
        into,
      );
    }
    return into;
  };
  const coach = files.find((f) => f.name.startsWith('useCoach-'));
  if (!coach) throw new Error('no useCoach chunk in the build');
  const engine = closure(dynamic(coach.name));
  const data = [...engine].flatMap(dynamic).filter((n) => n.startsWith(`${lang}-`));
  const chosen = files.filter((f) => engine.has(f.name) || closure(data).has(f.name));
  return { raw: chosen.reduce((a, f) => a + f.raw, 0), gzip: chosen.reduce((a, f) => a + f.gzip, 0), names: chosen.map((f) => f.name) };
}

const german = coachDownload(sizes.files, 'de');
console.log(`  a German agent's coach (engine + German data): ${kb(german.raw)} raw, ${kb(german.gzip)} gzip`);
console.log(`    ${german.names.join(', ')}`);

const dataDir = mkdtempSync(join(tmpdir(), 'calmline-bench-web-'));
const server = await spawnServer({ dataDir, env: { CALMLINE_RATE_LIMIT_PER_IP: '100000' } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  // Warm the server's file cache once for both, so the first run of neither pays for the disk.
  await firstLoad(browser, `${server.url}/`, 'form');
  const ours = await firstLoad(browser, `${server.url}/`, 'form button[type=submit]');
  const peer = await firstLoad(browser, `${server.url}/api/docs`, '.opblock');
  console.log(`\nFirst load on loopback, median of ${RUNS} (cold cache each time):`);
  console.log(`  Calmline sign-in page ready:  ${median(ours).toFixed(0)} ms`);
  console.log(`  peer: Swagger UI (/api/docs): ${median(peer).toFixed(0)} ms`);
  console.log(`  ratio Calmline / peer:        ${(median(ours) / median(peer)).toFixed(2)}`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
