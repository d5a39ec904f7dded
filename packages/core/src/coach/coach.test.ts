import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDetector } from '../detect/createDetector.js';
import { LANGUAGES } from '../detect/types.js';
import { shippedConversationPacks } from '../conversation/registry.js';
import { HAS_REGISTERS } from '../conversation/types.js';
import { createCoach } from './createCoach.js';
import { findShouting, unshout } from './shouting.js';
import { findRepetition } from './repetition.js';

const detector = createDetector();
const coach = createCoach(detector);
const kinds = (draft: string, ctx: Parameters<typeof coach.check>[1]): string[] => [...new Set(coach.check(draft, ctx).map((f) => f.kind))];

describe('shouting', () => {
  it.each([
    ['I ALREADY TOLD YOU THE ANSWER', ['caps']],
    ['Я ЖЕ ВАМ УЖЕ ВСЁ ОБЪЯСНИЛ.', ['caps']],
    ['Please read it again!!!', ['exclamations']],
    ['请您耐心等待！！', ['exclamations']],
    ['Send the PIN from the SMS to confirm your IBAN.', []],
    ['Thank you, that worked!', []],
    ['Your IMEI is on the box, under the EAN code.', []],
  ])('%s', (draft, rules) => {
    expect(findShouting(draft).map((s) => s.rule)).toEqual(rules);
  });

  it('rewrites a shouting draft calmly', () => {
    expect(unshout('I ALREADY TOLD YOU!!! Check the app.')).toBe('I already told you. Check the app.');
  });
});

describe('repetition', () => {
  const previous = ['Could you send me your order number, please?', 'Thanks.'];
  it.each([
    ['Could you send me your order number, please?', 1],
    ['could you send me your order number please', 1],
    ['I see. Could you send me your order number, please? Then I can check.', 1],
    ['Thanks.', 0],
    ['Could you tell me when the parcel was due?', 0],
  ])('%s', (draft, n) => {
    expect(findRepetition(draft, previous)).toHaveLength(n);
  });
});

describe('draft coach', () => {
  it('reports what an agent would notice, in English', () => {
    expect(kinds("Calm down, it's just a parcel.", { lang: 'en' })).toEqual(['dismissive']);
    expect(kinds('That is your own fault for typing the wrong address.', { lang: 'en' })).toContain('blaming');
    expect(kinds('Please provide your order number.', { lang: 'en', customer: { label: 'abuse' } })).toEqual(['missing_acknowledgement']);
    expect(kinds("I'm sorry about the wait. Please provide your order number.", { lang: 'en', customer: { label: 'abuse' } })).toEqual([]);
    expect(kinds('This damn system never works.', { lang: 'en' })).toContain('agent_profanity');
    expect(kinds('Please provide your order number.', { lang: 'en', previous: ['Please provide your order number.'] })).toEqual([
      'repetition',
    ]);
  });

  it('lets a good-practice phrase cancel the habit it answers', () => {
    expect(kinds("We can't refund that.", { lang: 'en' })).toEqual(['negative_phrasing']);
    expect(kinds("We can't refund that, but what I can do is offer you a voucher.", { lang: 'en' })).toEqual([]);
  });

  it('reads a negation just before a habit as its opposite', () => {
    expect(kinds("That's your fault.", { lang: 'en' })).toEqual(['blaming']);
    expect(kinds("That's not your fault.", { lang: 'en' })).toEqual([]);
    expect(kinds('This was our mistake.', { lang: 'en' })).toEqual(['premature_fault']);
    expect(kinds('This was not our mistake.', { lang: 'en' })).toEqual([]);
    expect(kinds("I can't guarantee it will arrive tomorrow, but I'll chase the courier today.", { lang: 'en' })).not.toContain(
      'over_promise',
    );
  });

  it.each([
    ['ru', 'Я ещё не проверил, но это наша ошибка.', 'Я проверил: это наша ошибка.'],
    ['de', 'Ich habe es noch nicht geprüft, aber das ist unser Fehler.', 'Ich habe es geprüft, das ist unser Fehler.'],
    ['pl', 'Jeszcze nie sprawdziłem, ale to nasza wina.', 'Sprawdziłem, to nasza wina.'],
    ['uk', 'Я ще не перевірив, але це наша помилка.', 'Я перевірив, це наша помилка.'],
    ['he', 'עוד לא בדקתי, אבל זו טעות שלנו.', 'בדקתי, וזו טעות שלנו.'],
  ] as const)('does not take a negated check for a check (%s)', (lang, unchecked, checked) => {
    expect(kinds(unchecked, { lang })).toContain('premature_fault');
    expect(coach.inspect(unchecked, { lang }).cues.has('checked')).toBe(false);
    expect(kinds(checked, { lang })).not.toContain('premature_fault');
  });

  it.each([
    ['en', "I can see that you're upset, and this is totally our fault.", 'I can see that you were charged twice, so that is our mistake.'],
    [
      'de',
      'Ich sehe, dass Sie verärgert sind, das ist unser Fehler.',
      'Ich sehe, dass die Zahlung doppelt abgebucht wurde, das ist unser Fehler.',
    ],
    ['es', 'Veo que está molesto, es culpa nuestra.', 'Veo que el pago se cobró dos veces, es culpa nuestra.'],
  ] as const)('takes "I can see you are upset" for an acknowledgement, not a check (%s)', (lang, feelings, facts) => {
    expect(kinds(feelings, { lang })).toContain('premature_fault');
    expect(kinds(facts, { lang })).not.toContain('premature_fault');
  });

  it.each([
    ['zh', '对不起这是我们的失误。', '这不是您的错。'],
    ['ar', 'ما حصل هو خطأ من جهتنا.', 'هذا ليس خطأنا.'],
    ['en', 'No doubt this is our mistake.', 'This is not our mistake.'],
  ] as const)('lets a negation inside another phrase ("对不起", "what happened") leave a fault standing (%s)', (lang, admitted, denied) => {
    expect(kinds(admitted, { lang })).toContain('premature_fault');
    expect(kinds(denied, { lang })).not.toContain('premature_fault');
  });

  it('reads French "ne … pas" as closing before a later blame, and still as a denial right before one', () => {
    expect(kinds('Je ne sais pas pourquoi vous avez saisi le mauvais code.', { lang: 'fr' })).toContain('blaming');
    expect(kinds("Ce n'est pas votre faute.", { lang: 'fr' })).toEqual([]);
    expect(kinds("Ce n'est pas de votre faute.", { lang: 'fr' })).toEqual([]);
    expect(kinds("C'est votre faute.", { lang: 'fr' })).toEqual(['blaming']);
  });

  it.each([
    ['en', 'So your card was blocked when you paid, is that right?'],
    ['en', 'So your card was blocked when you paid, have I got that right?'],
    ['ru', 'Значит, карту заблокировали, когда вы платили, правильно?'],
    ['uk', 'Отже, картку заблокували, коли ви платили, правильно?'],
    ['pl', 'Czyli karta została zablokowana przy płatności, zgadza się?'],
    ['de', 'Ihre Karte wurde also beim Bezahlen gesperrt, ist das richtig?'],
    ['fr', "Donc votre carte a été bloquée au moment du paiement, c'est bien ça ?"],
    ['es', 'Entonces su tarjeta se bloqueó al pagar, ¿es correcto?'],
    ['zh', '所以您的卡在付款时被冻结了，对吗？'],
    ['he', 'אז הכרטיס שלך נחסם כשניסית לשלם, זה נכון?'],
    ['ar', 'إذن بطاقتك حُظرت عند الدفع، أليس كذلك؟'],
  ] as const)('reads a statement closed by "is that right?" as restated and confirmed (%s: %s)', (lang, draft) => {
    const { cues } = coach.inspect(draft, { lang });
    expect(cues.has('restate')).toBe(true);
    expect(cues.has('confirm')).toBe(true);
  });

  it('does not read a plain request for confirmation as a restatement', () => {
    expect(coach.inspect('Before I reset it, can you confirm your date of birth?', { lang: 'en' }).cues.has('restate')).toBe(false);
    expect(coach.inspect('Can you confirm your date of birth?', { lang: 'en' }).cues.has('restate')).toBe(false);
  });

  it('gives a sentence for the agent and a better wording in the draft language and register', () => {
    const [f] = coach.check('I GUARANTEE IT WILL ARRIVE TOMORROW!!!', { lang: 'en' });
    expect(f!.message.length).toBeGreaterThan(10);
    expect(f!.better).not.toMatch(/!!/);
  });

  // The coach must not object to the words Calmline itself suggests.
  it.each(LANGUAGES)('finds nothing wrong in the shipped replies and better wordings of %s', (lang) => {
    const pack = shippedConversationPacks().find((p) => p.lang === lang)!;
    const texts = [...pack.replies.map((r) => r.text), ...Object.values(pack.advice).flatMap((a) => a.better.map((b) => b.text))];
    const flagged = texts
      .map((text) => ({ text, kinds: kinds(text, { lang, register: HAS_REGISTERS.has(lang) ? 'formal' : undefined }) }))
      .filter((x) => x.kinds.length > 0);
    expect(flagged).toEqual([]);
  });

  it('returns spans that slice the draft, whatever the draft', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom(...LANGUAGES), (draft, lang) => {
        for (const f of coach.check(draft, { lang, customer: { label: 'frustration' }, previous: [draft] })) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(draft.length);
          expect(f.start).toBeLessThanOrEqual(f.end);
        }
      }),
      { numRuns: 300 },
    );
  });
});
