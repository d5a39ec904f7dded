/**
 * `npm run bench:analytics`: how long each analytics report takes on 20,000 conversations with
 * 100,000 messages, on SQLite and on PostgreSQL, against a named peer measured in the same run:
 * a plain `SELECT count(*) FROM messages` on the same database (one pass over the messages, the
 * least any report reading them could cost).
 *
 * The data is seeded through the store's repositories (as the server writes it): conversations
 * arriving in time order over the last year in six languages, four channels, four teams and six contact reasons;
 * customer messages analysed by the real detector (each distinct text once); boundaries and
 * endings recorded as agent actions. Times are medians of 5 runs after one warm-up, over the whole
 * year of data in the organisation's scope unless said.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDetector, createProtocol, type Analysis, type Language } from '@calmline/core';
import { sql } from 'kysely';
import pg from 'pg';
import { projectStatus } from '../packages/server/src/analytics/projects.js';
import { openDatabase, type Database } from '../packages/server/src/db/connect.js';
import { migrateToLatest } from '../packages/server/src/db/migrate.js';
import { summaryCsv } from '../packages/server/src/routes/analytics/csv.js';
import { rootCausesReport, summaryReport } from '../packages/server/src/routes/analytics/reports.js';
import { Store } from '../packages/server/src/store/Store.js';
import type { Actor } from '../packages/server/src/store/types.js';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 20_000);
const RUNS = 5;
const PG_ADMIN_URL = process.env.CALMLINE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DAY = 86_400_000;

/** Written for this bench; calm, frustrated, abusive and threatening customer lines per language. */
const LINES: Record<string, Record<'calm' | 'frustrated' | 'abusive' | 'threat', string[]>> = {
  en: {
    calm: [
      'Hello, can you tell me when my parcel will arrive?',
      'I would like to change the address on my account.',
      'Thanks, that answers my question.',
    ],
    frustrated: [
      'This is the third time I am asking about my refund, it is ridiculous!',
      'The app crashed again and nobody answers my emails.',
      'I have waited two weeks for the technician, this is unacceptable.',
    ],
    abusive: ['You are a useless idiot.', 'Are you too stupid to read my message?'],
    threat: ['I know where your office is and I will come and hurt you.'],
  },
  de: {
    calm: ['Guten Tag, wann kommt mein Paket an?', 'Ich möchte meine Adresse ändern.', 'Danke, das hilft mir weiter.'],
    frustrated: [
      'Das ist schon das dritte Mal, dass ich wegen der Erstattung schreibe!',
      'Die App stürzt schon wieder ab und niemand antwortet.',
      'Ich warte seit zwei Wochen auf den Techniker, das ist eine Frechheit.',
    ],
    abusive: ['Du bist ein nutzloser Idiot.', 'Sind Sie zu dumm, meine Nachricht zu lesen?'],
    threat: ['Ich weiß, wo Ihr Büro ist, und ich werde Ihnen wehtun.'],
  },
  es: {
    calm: ['Hola, ¿cuándo llegará mi paquete?', 'Quisiera cambiar la dirección de mi cuenta.', 'Gracias, eso resuelve mi duda.'],
    frustrated: [
      'Es la tercera vez que pregunto por mi reembolso, es indignante.',
      'La aplicación se ha vuelto a colgar y nadie contesta.',
    ],
    abusive: ['Eres un idiota inútil.'],
    threat: ['Sé dónde está tu oficina y voy a hacerte daño.'],
  },
  fr: {
    calm: ['Bonjour, quand mon colis va-t-il arriver ?', "Je voudrais changer l'adresse de mon compte."],
    frustrated: [
      "C'est la troisième fois que je demande mon remboursement, c'est inadmissible !",
      "L'application plante encore et personne ne répond.",
    ],
    abusive: ['Tu es un idiot inutile.'],
    threat: ['Je sais où est ton bureau et je vais te faire du mal.'],
  },
  ru: {
    calm: ['Здравствуйте, когда придёт моя посылка?', 'Я хочу изменить адрес в личном кабинете.'],
    frustrated: ['Я уже третий раз спрашиваю про возврат денег, это возмутительно!', 'Приложение опять вылетает, и никто не отвечает.'],
    abusive: ['Ты бесполезный идиот.'],
    threat: ['Я знаю, где твой офис, и я приду и сделаю тебе больно.'],
  },
  zh: {
    calm: ['你好，请问我的包裹什么时候到？', '我想修改账户上的地址。'],
    frustrated: ['我已经第三次问退款了，太过分了！', '应用又崩溃了，也没有人回复。'],
    abusive: ['你是个没用的白痴。'],
    threat: ['我知道你们办公室在哪里，我会来伤害你。'],
  },
};
const AGENT_LINES = ['Thank you for waiting, let me check that for you.', 'I understand, I will look into it right away.'];
const CHANNELS = ['chat', 'email', 'phone', 'social'];
const REASONS = ['refund', 'delivery', 'billing', 'login', 'cancellation', null];

/** A small deterministic generator, so every run seeds the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

async function seed(store: Store): Promise<{ admin: Actor; lead: Actor; messages: number }> {
  const detector = createDetector();
  const protocol = createProtocol();
  const analysed = new Map<string, Analysis>();
  const analyse = (text: string, lang: string) => {
    let a = analysed.get(text);
    if (!a) analysed.set(text, (a = detector.analyze(text, { lang: lang as Language })));
    return a;
  };
  const org = await store.organisations.create('Bench');
  const admin = await store.users.create({ orgId: org.id, email: 'admin@bench.test', name: 'Admin', role: 'admin' });
  const teams = [];
  const agents: { id: string; team: string }[] = [];
  for (let i = 0; i < 4; i++) {
    const team = await store.teams.create(org.id, `Team ${i + 1}`);
    teams.push(team.id);
    for (let j = 0; j < 5; j++) {
      const a = await store.users.create({ orgId: org.id, email: `agent${i}-${j}@bench.test`, name: `Agent ${i}-${j}`, role: 'agent' });
      await store.teams.addMember(team.id, a.id);
      agents.push({ id: a.id, team: team.id });
    }
  }
  const random = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const langs = Object.keys(LINES);
  const now = Date.now();
  let messages = 0;
  const BATCH = 500;
  for (let start = 0; start < CONVERSATIONS; start += BATCH) {
    await store.transaction(async (tx) => {
      for (let n = start; n < Math.min(CONVERSATIONS, start + BATCH); n++) {
        const lang = pick(langs);
        const lines = LINES[lang]!;
        const agent = pick(agents);
        // In time order, as a contact centre's conversations arrive: about 55 a day over the last 360 days.
        const at = now - 360 * DAY + Math.floor(((n + random()) * 360 * DAY) / CONVERSATIONS);
        const c = await tx.conversations.create({
          orgId: org.id,
          teamId: agent.team,
          channel: pick(CHANNELS),
          externalId: `bench-${n}`,
          language: lang as Language,
          agentId: agent.id,
          customerRef: null,
          contactReason: pick(REASONS),
          protocol: protocol.start({ lang: lang as Language, seed: n }),
        });
        const iso = new Date(at).toISOString();
        await tx.db.updateTable('conversations').set({ created_at: iso, updated_at: iso }).where('id', '=', c.id).execute();
        // What kind of contact: mostly calm, some frustrated, a tenth abusive, a few threats.
        const kind = random();
        const first =
          kind < 0.7 ? pick(lines.calm) : kind < 0.88 ? pick(lines.frustrated) : kind < 0.98 ? pick(lines.abusive) : pick(lines.threat);
        const warned = kind >= 0.88 && random() < 0.6;
        const relapse = random() < 0.4;
        let seq = 0;
        const customer = async (text: string) => {
          seq++;
          messages++;
          await tx.conversations.addMessage({
            orgId: org.id,
            conversationId: c.id,
            seq,
            author: 'customer',
            externalId: null,
            text,
            analysis: analyse(text, lang),
            findings: null,
            replyId: null,
            createdAt: new Date(at + seq * 60_000).toISOString(),
          });
        };
        const agentSays = async () => {
          seq++;
          messages++;
          await tx.conversations.addMessage({
            orgId: org.id,
            conversationId: c.id,
            seq,
            author: 'agent',
            externalId: null,
            text: pick(AGENT_LINES),
            analysis: null,
            findings: [],
            replyId: null,
            createdAt: new Date(at + seq * 60_000).toISOString(),
          });
        };
        const action = async (name: string) => {
          seq++;
          await tx.conversations.addAction({ orgId: org.id, conversationId: c.id, seq, action: name, userId: agent.id });
        };
        await customer(first);
        await agentSays();
        if (warned) await action('warning_issued');
        const second = warned && relapse ? pick(lines.abusive) : kind < 0.7 ? pick(lines.calm) : pick([...lines.calm, ...lines.frustrated]);
        await customer(second);
        if (warned && relapse && random() < 0.5) {
          await action('contact_ended');
          continue;
        }
        await agentSays();
        await customer(pick(lines.calm));
      }
    });
  }
  const adminActor: Actor = { orgId: org.id, userId: admin.id, role: 'admin', teamIds: [], tokenId: null };
  const lead = await store.users.create({ orgId: org.id, email: 'lead@bench.test', name: 'Lead', role: 'lead' });
  const leadActor: Actor = { orgId: org.id, userId: lead.id, role: 'lead', teamIds: [teams[0]!], tokenId: null };
  return { admin: adminActor, lead: leadActor, messages };
}

async function run(name: string, database: Database): Promise<Record<string, number>> {
  await migrateToLatest(database);
  const store = new Store(database.db, database.dialect);
  const t0 = performance.now();
  const { admin, lead, messages } = await seed(store);
  const seedSeconds = (performance.now() - t0) / 1000;
  const from = new Date(Date.now() - 365 * DAY).toISOString();
  const q = { from, interval: 'day' as const };
  const figures: Record<string, number> = {
    'summary (daily series, UTC)': await timed(() => summaryReport(store, admin, q)),
    'summary, last 30 days (the page default)': await timed(() =>
      summaryReport(store, admin, { from: new Date(Date.now() - 29 * DAY).toISOString().slice(0, 10), interval: 'day' }),
    ),
    'summary (weekly, Europe/Berlin)': await timed(() => summaryReport(store, admin, { ...q, interval: 'week', tz: 'Europe/Berlin' })),
    'summary, a lead (one team of four)': await timed(() => summaryReport(store, lead, q)),
    'root causes (reasons + terms, 6 languages)': await timed(() => rootCausesReport(store, admin, q)),
    'root causes, last 30 days': await timed(() =>
      rootCausesReport(store, admin, { from: new Date(Date.now() - 29 * DAY).toISOString().slice(0, 10), interval: 'day' }),
    ),
    'CSV export (summary)': await timed(async () => summaryCsv(await summaryReport(store, admin, q))),
    'project status (abuse rate, 90 days)': await timed(async () => {
      const startsAt = new Date(Date.now() - 90 * DAY).toISOString();
      const facts = await store.analytics.facts(admin, { from: startsAt, to: new Date().toISOString() }, {});
      return projectStatus(
        { metric: 'abuse_rate', baseline: 100, target: 50, startsAt, endsAt: new Date().toISOString(), closed: false },
        facts,
      );
    }),
    'peer: SELECT count(*) FROM messages': await timed(() => sql`SELECT count(*) AS n FROM messages`.execute(store.db)),
  };
  const counted = await store.db
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  console.log(
    `\n${name}: ${Number(counted.n)} conversations, ${messages} messages (seeded in ${seedSeconds.toFixed(0)} s); median of ${RUNS}, ms`,
  );
  for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(44)} ${v.toFixed(1).padStart(8)}`);
  return figures;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'calmline-bench-analytics-'));
  const sqlite = openDatabase(join(dir, 'calmline.db'));
  try {
    await run('SQLite', sqlite);
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const name = `calmline_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const postgres = openDatabase(url.toString());
  try {
    await run('PostgreSQL', postgres);
  } finally {
    await postgres.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

await main();
