/**
 * @module demo
 * `calmline serve --demo`: seeds two teams with a lead, security, an analyst and four agents
 * (fresh one-time passwords on every demo start, printed once), then plays the demo scripts
 * through the same ingest path as the API, a message every second or so, so a newcomer watches
 * alerts and conversations happen.
 */
import type { Suggestion } from '@calmline/core';
import type { Role } from '../auth/roles.js';
import { hashPassword, newPassword } from '../auth/secrets.js';
import type { RunningServer } from '../server.js';
import type { Actor } from '../store/types.js';
import { DEMO_SCRIPTS, type DemoScript } from './scripts.js';

const DOMAIN = 'demo.calmline.local';
const TEAMS = ['Billing', 'Deliveries'] as const;
const ACCOUNTS: { local: string; name: string; role: Role; teams: (typeof TEAMS)[number][] }[] = [
  { local: 'lead', name: 'Dana Lead', role: 'lead', teams: ['Billing', 'Deliveries'] },
  { local: 'security', name: 'Sam Security', role: 'security', teams: [] },
  { local: 'analyst', name: 'Ana Lyst', role: 'analyst', teams: [] },
  { local: 'agent1', name: 'Alex Agent', role: 'agent', teams: ['Billing'] },
  { local: 'agent2', name: 'Bea Agent', role: 'agent', teams: ['Billing'] },
  { local: 'agent3', name: 'Chen Agent', role: 'agent', teams: ['Deliveries'] },
  { local: 'agent4', name: 'Dmytro Agent', role: 'agent', teams: ['Deliveries'] },
];

export interface DemoAccount {
  email: string;
  role: Role;
  password: string;
}

interface Playing {
  script: DemoScript;
  step: number;
  agent: Actor;
  externalId: string;
  conversationId: string | null;
  suggestions: Suggestion[];
}

export async function seedDemo(server: RunningServer): Promise<{ accounts: DemoAccount[]; agents: Actor[] }> {
  const { store } = server.ctx;
  const admin = await store.users.byEmail('admin@calmline.local');
  const orgId = admin?.orgId ?? (await store.db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id;
  const teamIds = new Map<string, string>();
  for (const name of TEAMS) teamIds.set(name, (await store.teams.byName(orgId, name))?.id ?? (await store.teams.create(orgId, name)).id);
  const accounts: DemoAccount[] = [];
  const agents: Actor[] = [];
  for (const a of ACCOUNTS) {
    const email = `${a.local}@${DOMAIN}`;
    const password = newPassword();
    const hash = await hashPassword(password);
    let user = await store.users.byEmail(email);
    if (user) await store.users.setPasswordHash(user.id, hash);
    else user = await store.users.create({ orgId, email, name: a.name, role: a.role, passwordHash: hash });
    const ids = a.teams.map((t) => teamIds.get(t)!);
    for (const id of ids) await store.teams.addMember(id, user.id);
    accounts.push({ email, role: a.role, password });
    if (a.role === 'agent') agents.push({ orgId, userId: user.id, role: 'agent', teamIds: ids, tokenId: null });
  }
  return { accounts, agents };
}

/** Seeds and starts playing; `stop` ends the traffic (the server keeps running). */
export async function startDemo(server: RunningServer, intervalMs = 1200): Promise<{ accounts: DemoAccount[]; stop: () => Promise<void> }> {
  const { accounts, agents } = await seedDemo(server);
  const playing: Playing[] = [];
  let counter = 0;
  let busy = false;
  const newConversation = (): Playing => ({
    script: DEMO_SCRIPTS[counter % DEMO_SCRIPTS.length]!,
    step: 0,
    agent: agents[counter % agents.length]!,
    externalId: `demo-${Date.now().toString(36)}-${counter++}`,
    conversationId: null,
    suggestions: [],
  });
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      while (playing.length < 3) playing.push(newConversation());
      const p = playing[Math.floor(Math.random() * playing.length)]!;
      await play(server, p);
      p.step++;
      if (p.step >= p.script.steps.length) playing.splice(playing.indexOf(p), 1);
    } catch (err) {
      server.app.log.warn({ err }, 'demo step failed');
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  return {
    accounts,
    stop: () => {
      clearInterval(timer);
      return Promise.resolve();
    },
  };
}

async function play(server: RunningServer, p: Playing): Promise<void> {
  const { ingester, actions } = server.ctx;
  const step = p.script.steps[p.step]!;
  const ref = p.conversationId
    ? { conversationId: p.conversationId }
    : {
        conversation: {
          channel: p.script.channel,
          externalId: p.externalId,
          language: p.script.lang,
          contactReason: p.script.reason,
          customerRef: `cust-${p.externalId}`,
        },
      };
  if ('action' in step) {
    if (p.conversationId) await actions.record(p.agent, p.conversationId, step.action);
    return;
  }
  if ('suggested' in step) {
    const s = p.suggestions[0];
    if (!s || !p.conversationId) return;
    await ingester.ingest(p.agent, { conversationId: p.conversationId, author: 'agent', text: s.text, replyId: s.id });
    return;
  }
  const r = await ingester.ingest(p.agent, {
    ...ref,
    author: 'customer' in step ? 'customer' : 'agent',
    text: 'customer' in step ? step.customer : step.agent,
  });
  p.conversationId = r.conversation.id;
  if ('customer' in step) p.suggestions = r.suggestions;
}
