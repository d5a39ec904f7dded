/**
 * @module commands/demo
 * `calmline demo` (what `npm start` runs until the server exists): type a customer message in any
 * of the 10 languages and see its label, evidence and masked text, then where the conversation
 * stands on the boundary ladder and the replies Calmline suggests. Lines starting with `agent:` are
 * the agent's drafts: the coach checks them, then they count as sent.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import {
  createCoach,
  createDetector,
  createProtocol,
  AGENT_ACTIONS,
  type AgentAction,
  type Analysis,
  type CustomerMessage,
  type ProtocolOutput,
} from '@calmline/core';

const COLOURS: Record<string, string> = {
  none: '\x1b[32m',
  frustration: '\x1b[33m',
  profanity: '\x1b[35m',
  abuse: '\x1b[31m',
  threat: '\x1b[41;97m',
  self_harm: '\x1b[44;97m',
};

/**
 * Formats one analysis for the terminal.
 * @example describe('you idiot', analysis, false)
 */
export function describe(text: string, a: Analysis, colour: boolean): string {
  const c = (s: string): string => (colour ? `${COLOURS[a.label] ?? ''}${s}\x1b[0m` : s);
  const top = Object.entries(a.scores)
    .sort((x, y) => y[1] - x[1])
    .slice(0, 3)
    .map(([l, p]) => `${l} ${(p * 100).toFixed(0)}%`)
    .join(', ');
  const lines = [`  ${c(` ${a.label} `)}  severity ${a.severity}  language ${a.language}  (${top})${a.truncated ? '  [truncated]' : ''}`];
  for (const e of a.evidence) lines.push(`    ${e.category.padEnd(11)} "${text.slice(e.start, e.end)}"  [${e.start},${e.end})  ${e.rule}`);
  lines.push(`  masked: ${a.masked}`);
  return lines.join('\n');
}

/**
 * Formats the protocol's answer to one event.
 * @example describeStep(output)
 */
export function describeStep(o: ProtocolOutput): string {
  const s = o.state;
  const ladder = s.step === 'warned' || s.step === 'final_warning' ? ` (warning ${s.level} given)` : '';
  const lines = [`  step: ${s.step}${ladder}${s.threat ? '  [threat]' : ''}${s.crisis ? '  [crisis]' : ''}`];
  for (const a of o.actions) lines.push(`  → ${a.action}${a.urgent ? ' (now)' : ''}  because: ${a.reason}`);
  for (const r of o.suggestions) lines.push(`  suggest (${r.situation}): ${r.text}`);
  return lines.join('\n');
}

const HELP = `Type a customer message in en, ru, pl, zh, he, uk, de, es, fr or ar and press Enter (Ctrl+D to quit).
  agent: TEXT     the agent's draft: the coach checks it, then it is sent
  /ACTION         tell the protocol what the agent did: ${AGENT_ACTIONS.map((a) => '/' + a).join(' ')}
  /new            start a new conversation
The web console and API arrive with the server; for files use: npx calmline analyze --input FILE
`;

export async function demoCommand(stdin: Readable, stdout: Writable, interactive: boolean): Promise<void> {
  const started = performance.now();
  const detector = createDetector();
  const coach = createCoach(detector);
  const protocol = createProtocol();
  const ms = (performance.now() - started).toFixed(0);
  stdout.write(`Calmline demo — packs and model loaded in ${ms} ms.\n${HELP}\n`);
  let state = protocol.start();
  let lastCustomer: CustomerMessage | undefined;
  const previous: string[] = [];
  const rl = createInterface({ input: stdin, terminal: false });
  if (interactive) stdout.write('> ');
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/new') {
      state = protocol.start();
      previous.length = 0;
      lastCustomer = undefined;
      stdout.write('  new conversation\n');
    } else if (line.startsWith('/')) {
      const action = line.slice(1) as AgentAction;
      if (!AGENT_ACTIONS.includes(action)) stdout.write(`  unknown action; one of: ${AGENT_ACTIONS.join(', ')}\n`);
      else {
        const o = protocol.step(state, { type: 'agent_action', action });
        state = o.state;
        stdout.write(describeStep(o) + '\n');
      }
    } else if (/^agent:/i.test(line)) {
      const draft = line.slice(6).trim();
      const lang = state.lang ?? detector.analyze(draft).language;
      const findings = coach.check(draft, { lang, register: state.register ?? undefined, customer: lastCustomer, previous });
      if (findings.length === 0) stdout.write('  coach: looks good\n');
      for (const f of findings)
        stdout.write(`  coach: ${f.kind} "${draft.slice(f.start, f.end)}" — ${f.message}\n         better: ${f.better}\n`);
      state = protocol.step(state, { type: 'agent_message', text: draft }).state;
      previous.push(draft);
    } else if (line !== '') {
      const a = detector.analyze(line);
      lastCustomer = { label: a.label, scores: a.scores, text: line };
      stdout.write(describe(line, a, interactive) + '\n');
      const o = protocol.step(state, { type: 'customer_message', label: a.label, language: a.language }, { agentName: 'Sam' });
      state = o.state;
      stdout.write(describeStep(o) + '\n');
    }
    if (interactive) stdout.write('> ');
  }
}
