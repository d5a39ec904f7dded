/**
 * @module commands/verify
 * `calmline verify`: checks every organisation's incident chain in the store (links, hashes, the
 * signed head, and that each stored record is what its events say). Exit 0 when all hold, 1 when
 * anything was tampered with, 2 when it cannot run. Run it with the server's configuration (the
 * same CALMLINE_SECRET or data folder), on the server or against its database.
 */
import type { Writable } from 'node:stream';
import { ChainKeys, IncidentKeeper, resolveSecret } from '@calmline/server';
import { StoreProblem, openConfiguredStore } from './importExport/store.js';

export async function verifyCommand(
  options: { config?: string | undefined; json: boolean },
  out: Writable,
  err: Writable,
): Promise<number> {
  let opened;
  try {
    opened = await openConfiguredStore(options.config);
  } catch (e) {
    if (!(e instanceof StoreProblem)) throw e;
    err.write(`${e.message}\n`);
    return e.code;
  }
  const { config, database, store } = opened;
  try {
    const keeper = new IncidentKeeper(new ChainKeys(await resolveSecret(config, store, database.dialect, (m) => err.write(`${m}\n`))));
    const orgs = await database.db.selectFrom('organisations').select(['id', 'name']).orderBy('created_at').execute();
    let broken = 0;
    const reports = [];
    for (const org of orgs) {
      const report = await keeper.verify(store, org.id);
      reports.push({ organisation: org.id, name: org.name, ...report });
      if (!report.ok) broken++;
      if (!options.json) {
        out.write(`${report.ok ? '✓' : '✗'} ${org.name} (${org.id}): ${report.events} incident events`);
        out.write(report.checkpoint ? `, signed head at ${report.checkpoint.position}\n` : '\n');
        for (const p of report.problems) out.write(`    ${p}\n`);
      }
    }
    if (options.json) out.write(`${JSON.stringify(reports)}\n`);
    else out.write(broken === 0 ? 'The incident log is intact.\n' : `The incident log of ${broken} organisation(s) was tampered with.\n`);
    return broken === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}
