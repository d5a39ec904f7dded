/**
 * The incident log is tamper-evident: on both databases, changing, deleting (the newest rows
 * included), inserting or reordering any event row, or editing a stored record, is found by verify;
 * an untouched log verifies. Each case builds its own organisation's chain, then edits the rows
 * directly, as someone with database access would.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { IncidentKeeper } from '../commands/incidentKeeper.js';
import type { Database } from '../db/connect.js';
import type { Store } from '../store/Store.js';
import { DIALECTS, useMigratedStore } from '../test/databases.js';
import { ChainKeys, canonicalJson, payloadDigest, verifyChain } from './chain.js';

const keeper = new IncidentKeeper(new ChainKeys('a test secret that is long enough to use'));

describe('canonical JSON', () => {
  it('gives one text per value whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: 'x' }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 'x', z: 0 }] }, b: 1 }),
    );
  });
});

describe.each(DIALECTS)('incident chain on %s', (kind) => {
  const t = useMigratedStore(kind);
  let store: Store;
  let database: Database;
  beforeAll(() => {
    ({ store, database } = t);
  });

  /** An organisation with two incidents and eight chained events. */
  async function buildChain() {
    const org = await store.organisations.create('Org');
    const agent = await store.users.create({ orgId: org.id, email: `a-${org.id}@x.org`, name: 'A', role: 'agent' });
    const conversation = async (externalId: string) =>
      store.conversations.create({
        orgId: org.id,
        teamId: null,
        channel: 'chat',
        externalId,
        language: 'en',
        agentId: agent.id,
        customerRef: 'cust-7',
        contactReason: null,
        protocol: { version: 1 } as never,
      });
    const c1 = await conversation('one');
    const c2 = await conversation('two');
    await store.transaction(async (tx) => {
      const i = await keeper.report(tx, c1, agent.id, 'He shouted at me for ten minutes.');
      await keeper.onAction(tx, c1, 'warning_issued', agent.id);
      await keeper.onAction(tx, c1, 'supervisor_called', agent.id);
      await keeper.report(tx, c2, agent.id, null);
      await tx.incidents.append(
        keeper.keysForAppend(),
        org.id,
        i.id,
        'fields',
        { injury: 'none', supportOffered: 'EAP call offered' },
        agent.id,
      );
      await tx.incidents.append(keeper.keysForAppend(), org.id, i.id, 'status', { from: 'open', to: 'under_review' }, agent.id);
    });
    const events = await store.incidents.chain(org.id);
    expect(events.map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    return { orgId: org.id, events };
  }

  const problems = async (orgId: string) => (await keeper.verify(store, orgId)).problems;

  it('chains events appended at the same moment by separate transactions, none refused', async () => {
    // Threats arriving together each append to the organisation's one chain; on PostgreSQL the
    // transactions really run concurrently (a pool), so this is where a collision would show.
    const { orgId, events } = await buildChain();
    const incidentId = events[0]!.incidentId;
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, n) =>
        store.transaction((tx) =>
          tx.incidents.append(keeper.keysForAppend(), orgId, incidentId, 'fields', { note: `parallel ${n}` }, null),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect((await store.incidents.chain(orgId)).map((e) => e.position)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(await keeper.verify(store, orgId)).toMatchObject({ ok: true, problems: [] });
  });

  it('verifies an untouched log, its head signed', async () => {
    const { orgId } = await buildChain();
    const report = await keeper.verify(store, orgId);
    expect(report).toMatchObject({ ok: true, events: 9, checkpoint: { position: 9 }, problems: [] });
  });

  it('finds a changed event, in the middle or the newest', async () => {
    for (const at of [3, 9]) {
      const { orgId } = await buildChain();
      await database.db
        .updateTable('incident_events')
        .set({ payload: '{"note":"nothing happened"}' })
        .where('org_id', '=', orgId)
        .where('position', '=', at)
        .execute();
      expect(await problems(orgId)).toContain(`event ${at} was changed after it was written`);
    }
  });

  it('stays verifiable when retention purges an event’s content (its digest stays)', async () => {
    const { orgId } = await buildChain();
    await database.db.updateTable('incident_events').set({ payload: null }).where('org_id', '=', orgId).where('position', '=', 2).execute();
    const chain = await store.incidents.chain(orgId);
    expect(verifyChain(keeper.keysForAppend(), chain, await store.incidents.checkpoints(orgId))).toMatchObject({ ok: true, problems: [] });
  });

  it('purges the content of closed incidents past retention, and the whole log still verifies', async () => {
    const { orgId } = await buildChain();
    const [first] = (await store.incidents.all(orgId)).filter((i) => i.status === 'under_review');
    await store.transaction((tx) =>
      tx.incidents.append(keeper.keysForAppend(), orgId, first!.id, 'status', { from: 'under_review', to: 'closed' }, null),
    );
    const purged = await store.transaction((tx) => tx.incidents.purgeClosedBefore(new Date(Date.now() + 1000).toISOString()));
    expect(purged).toBeGreaterThanOrEqual(1);
    const after = (await store.incidents.get(orgId, first!.id))!;
    expect(after.record).toMatchObject({ status: 'closed', evidence: [], reports: [], injury: null, supportOffered: null, purged: true });
    expect(JSON.stringify(after.record)).not.toContain('shouted');
    expect(await keeper.verify(store, orgId)).toMatchObject({ ok: true, problems: [] });
  });

  it('finds a changed time or author', async () => {
    const { orgId } = await buildChain();
    await database.db
      .updateTable('incident_events')
      .set({ created_at: '2020-01-01T00:00:00.000Z' })
      .where('org_id', '=', orgId)
      .where('position', '=', 2)
      .execute();
    expect(await problems(orgId)).toContain('event 2 was changed after it was written');
  });

  it('finds a deleted event in the middle', async () => {
    const { orgId } = await buildChain();
    await database.db.deleteFrom('incident_events').where('org_id', '=', orgId).where('position', '=', 4).execute();
    const found = await problems(orgId);
    expect(found.some((p) => /place 4 says position 5/.test(p))).toBe(true);
  });

  it('finds the newest events deleted, against the signed head', async () => {
    const { orgId } = await buildChain();
    await database.db.deleteFrom('incident_events').where('org_id', '=', orgId).where('position', '>=', 8).execute();
    expect(await problems(orgId)).toContain('the chain ends at 7 but was signed at 9: newest events were deleted');
  });

  it('finds an inserted event, even one with a plausible hash', async () => {
    const { orgId, events } = await buildChain();
    const forger = new ChainKeys('the forger does not know the real secret!!');
    await database.db
      .updateTable('incident_events')
      .set({ position: sql<number>`position + 100` })
      .where('org_id', '=', orgId)
      .where('position', '>', 5)
      .execute();
    const e5 = events[4]!;
    const forged = {
      orgId,
      position: 6,
      incidentId: e5.incidentId,
      kind: 'report',
      payload: { note: 'the agent was rude first' },
      payloadDigest: payloadDigest({ note: 'the agent was rude first' }),
      actorUserId: null,
      createdAt: e5.createdAt,
      prevHash: e5.hash,
    };
    await database.db
      .insertInto('incident_events')
      .values({
        org_id: orgId,
        position: 6,
        incident_id: forged.incidentId,
        kind: forged.kind,
        payload: JSON.stringify(forged.payload),
        payload_digest: forged.payloadDigest,
        actor_user_id: null,
        created_at: forged.createdAt,
        prev_hash: forged.prevHash,
        hash: forger.hashEvent(forged),
      })
      .execute();
    await database.db
      .updateTable('incident_events')
      .set({ position: sql<number>`position - 99` })
      .where('org_id', '=', orgId)
      .where('position', '>', 100)
      .execute();
    const found = await problems(orgId);
    expect(found).toContain('event 6 was changed after it was written');
    expect(found).toContain('event 7 does not link to the one before it');
  });

  it('finds two events swapped', async () => {
    const { orgId } = await buildChain();
    await database.db.updateTable('incident_events').set({ position: -1 }).where('org_id', '=', orgId).where('position', '=', 2).execute();
    await database.db.updateTable('incident_events').set({ position: 2 }).where('org_id', '=', orgId).where('position', '=', 3).execute();
    await database.db.updateTable('incident_events').set({ position: 3 }).where('org_id', '=', orgId).where('position', '=', -1).execute();
    const found = await problems(orgId);
    expect(found).toContain('event 2 does not link to the one before it');
    expect(found).toContain('event 2 was changed after it was written');
  });

  it('finds a stored record edited behind the events’ back', async () => {
    const { orgId } = await buildChain();
    const [incident] = await store.incidents.all(orgId);
    await database.db
      .updateTable('incidents')
      .set({ fields: JSON.stringify({ ...incident!.record, injury: 'serious' }) })
      .where('id', '=', incident!.id)
      .execute();
    expect((await problems(orgId)).some((p) => p.includes('stored record differs from its events'))).toBe(true);
  });

  it('finds a forged checkpoint', async () => {
    const { orgId, events } = await buildChain();
    await database.db.deleteFrom('incident_events').where('org_id', '=', orgId).where('position', '=', 9).execute();
    await database.db
      .updateTable('incident_checkpoints')
      .set({ position: 8, head_hash: events[7]!.hash })
      .where('org_id', '=', orgId)
      .where('position', '=', 9)
      .execute();
    const report = verifyChain(keeper.keysForAppend(), await store.incidents.chain(orgId), await store.incidents.checkpoints(orgId));
    expect(report.problems).toContain('checkpoint at position 8 has a bad signature');
  });
});
