import { describe, expect, it } from 'vitest';
import {
  compileConversationPack,
  ConversationPackError,
  MIN_REPLY_VARIANTS,
  shortFirstFields,
  type ConversationSource,
} from './compile.js';
import { shippedConversationPacks } from './registry.js';
import { CONVERSATION_SOURCES } from './_data.js';
import { FINDING_KINDS, HAS_REGISTERS, PROBLEM_CUES, PRACTICE_CUES, SITUATIONS } from './types.js';

/** A minimal valid English pack to break one line at a time. */
function minimal(): ConversationSource {
  const replies = SITUATIONS.flatMap((s) => [1, 2, 3, 4].map((n) => `${s}\tboth\tLine ${n} for ${s}.`)).join('\n');
  const advice = FINDING_KINDS.flatMap((k) => [
    `${k}\tadvice\tboth\tAdvice on ${k}.`,
    `${k}\tbetter\tboth\tBetter 1.`,
    `${k}\tbetter\tboth\tBetter 2.`,
  ]).join('\n');
  return { lang: 'en', replies, coach: 'dismissive\tcalm down', advice };
}

function errorOf(src: ConversationSource): ConversationPackError {
  try {
    compileConversationPack(src);
  } catch (e) {
    if (e instanceof ConversationPackError) return e;
    throw e;
  }
  throw new Error('compiled without an error');
}

describe('compileConversationPack', () => {
  it('compiles a minimal pack', () => {
    const pack = compileConversationPack(minimal());
    expect(pack.replies).toHaveLength(SITUATIONS.length * 4);
    expect(pack.cues.map((c) => c.cue)).toEqual(['dismissive']);
  });

  it.each([
    [
      'an unknown situation',
      (s: ConversationSource) => ({ ...s, replies: s.replies + '\ngreeting\tboth\tHi.' }),
      'replies.tsv:41:1: unknown situation "greeting"',
    ],
    [
      'an unknown placeholder',
      (s: ConversationSource) => ({ ...s, replies: s.replies + '\nacknowledge\tboth\tHi {name}.' }),
      'unknown placeholder {name}',
    ],
    [
      'a register English does not have',
      (s: ConversationSource) => ({ ...s, replies: s.replies + '\nacknowledge\tformal\tHi.' }),
      '"en" has no registers',
    ],
    [
      'a duplicate reply',
      (s: ConversationSource) => ({ ...s, replies: s.replies + '\nacknowledge\tboth\tLine 1 for acknowledge.' }),
      'duplicate reply (first on line 1)',
    ],
    ['an unknown cue', (s: ConversationSource) => ({ ...s, coach: 'rudeness\tidiot' }), 'coach.tsv:1:1: unknown cue "rudeness"'],
    ['a bad pattern', (s: ConversationSource) => ({ ...s, coach: 'dismissive\tca*lm' }), 'coach.tsv:1:12'],
    [
      'too few lines for a situation',
      (s: ConversationSource) => ({ ...s, replies: s.replies.split('\n').slice(1).join('\n') }),
      `at least ${MIN_REPLY_VARIANTS}`,
    ],
    [
      'a kind without advice',
      (s: ConversationSource) => ({ ...s, advice: s.advice.split('\n').slice(3).join('\n') }),
      'no advice line for "negative_phrasing"',
    ],
  ])('rejects %s with file, line and column', (_name, breakIt, message) => {
    expect(errorOf(breakIt(minimal())).message).toContain(message);
  });
});

describe('the shipped conversation packs', () => {
  const packs = shippedConversationPacks();

  it.each(packs.map((p) => [p.lang, p] as const))(
    '%s has every situation in every register, advice for every kind and every cue',
    (lang, pack) => {
      const registers = HAS_REGISTERS.has(lang) ? ['formal', 'informal'] : ['both'];
      for (const s of SITUATIONS)
        for (const r of registers) {
          const lines = pack.replies.filter((x) => x.situation === s && (x.register === r || x.register === 'both'));
          expect(lines.length, `${lang} ${s} ${r}`).toBeGreaterThanOrEqual(MIN_REPLY_VARIANTS);
        }
      for (const cue of [...PROBLEM_CUES, ...PRACTICE_CUES])
        expect(
          pack.cues.some((c) => c.cue === cue),
          `${lang} ${cue}`,
        ).toBe(true);
      const crisis = pack.replies.filter((x) => x.situation === 'crisis_response');
      expect(crisis.filter((x) => x.text.includes('{crisis_resource}')).length).toBeGreaterThanOrEqual(crisis.length / 2);
    },
  );
});

describe('the generated modules write each repeated kind once', () => {
  it('compiles to the same pack with the first fields shortened as without', () => {
    const coach = '# comment\nnegative_phrasing\twe can t\nnegative_phrasing\twe cannot\n\nblaming\tyou should have\nblaming\tyour fault';
    const short = shortFirstFields(coach);
    expect(short).toBe('# comment\nnegative_phrasing\twe can t\n\twe cannot\n\nblaming\tyou should have\n\tyour fault');
    const en = CONVERSATION_SOURCES.find((x) => x.lang === 'en')!;
    const src = (text: string): ConversationSource => ({ ...en, coach: en.coach + '\n' + text });
    expect(compileConversationPack(src(short)).cues).toEqual(compileConversationPack(src(coach)).cues);
  });
});
