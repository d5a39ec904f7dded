/**
 * What an agent would notice, language by language: clear cases of each label, the hard
 * negatives of LABELS.md, obfuscated forms, evidence that points at the words, and masking.
 * Sentences here are written for the tests (not taken from the corpus).
 */
import { describe, expect, it } from 'vitest';
import { createDetector } from './index.js';
import type { Label, Language } from './types.js';

const detector = createDetector();

type Case = [Language, string, Label];

describe('labels in every language', () => {
  it.each<Case>([
    ['en', 'Hi, could you tell me when my parcel will arrive?', 'none'],
    ['en', 'This is the fourth time I am calling about this, it is absolutely ridiculous!', 'frustration'],
    ['en', 'this f***ing router died again', 'profanity'],
    ['en', 'you useless idiot', 'abuse'],
    ['en', 'I will come to your office and break your face', 'threat'],
    ['en', "I don't want to live anymore", 'self_harm'],
    ['ru', 'Подскажите, пожалуйста, где моя посылка?', 'none'],
    ['ru', 'ты тупой идиот', 'abuse'],
    ['ru', 'я тебя убью', 'threat'],
    ['ru', 'если отключите свет, я покончу с собой', 'self_harm'],
    ['uk', 'Дякую, все працює', 'none'],
    ['uk', 'я знаю, де ти живеш', 'threat'],
    ['pl', 'Dzień dobry, kiedy przyjdzie kurier?', 'none'],
    ['pl', 'ty debilu', 'abuse'],
    ['pl', 'zabiję cię', 'threat'],
    ['pl', 'nie chcę już żyć', 'self_harm'],
    ['zh', '请问我的快递什么时候到？', 'none'],
    ['zh', '傻逼客服', 'abuse'],
    ['zh', '我知道你住哪', 'threat'],
    ['zh', '我不想活了', 'self_harm'],
    ['he', 'אתה מטומטם', 'abuse'],
    ['he', 'אני יודע איפה אתה גר', 'threat'],
    ['ar', 'أنت حمار', 'abuse'],
    ['ar', 'سأقتلك', 'threat'],
  ])('%s: %s → %s', (lang, text, label) => {
    expect(detector.analyze(text).label).toBe(label);
    expect(detector.analyze(text).language).toBe(lang);
  });
});

describe('veiled self-harm is self_harm, with the words behind it', () => {
  // Disclosures without "kill myself": the constructions the packs gained in the seventh session.
  it.each<[Language, string]>([
    ['en', "Everyone would be better off without me, so the debt won't matter."],
    ['ru', 'Можете не перезванивать, скоро меня не станет.'],
    ['fr', "Ne m'envoyez plus de relances, bientôt je ne serai plus là pour les lire."],
    ['es', 'No me manden más cartas, para entonces ya no voy a estar.'],
    ['pl', 'Odłóżcie tę windykację, i tak mnie już nie będzie.'],
    ['de', 'Ich hab schon alle Tabletten gesammelt.'],
  ])('%s: %s', (lang, text) => {
    const a = detector.analyze(text, { lang });
    expect(a.label).toBe('self_harm');
    expect(a.evidence.some((e) => e.category === 'self_harm' && e.rule.startsWith('structure:'))).toBe(true);
  });
});

describe('hard negatives stay none or frustration', () => {
  it.each<[string, string]>([
    ['self-directed insult', "I'm such an idiot, I forgot my password again"],
    ['reported speech', 'your courier called me an idiot at the door'],
    ['violent idiom', 'this electricity bill is killing me'],
    ['violent idiom', 'shoot me an email when it ships'],
    ['Scunthorpe', 'I live in Scunthorpe and my order never came'],
    ['legitimate escalation', "I'll report you to the ombudsman and talk to my lawyer"],
    ['Russian idiom', 'эти счета меня убивают'],
    ['Chinese idiom and strawberries', '笑死我了，草莓真好吃'],
    ['Hebrew idiom', 'החשבון הזה הורג אותי'],
  ])('%s: %s', (_kind, text) => {
    expect(['none', 'frustration']).toContain(detector.analyze(text).label);
  });

  // Found on agents' drafts (issue 3): everyday words that another pack or a Cyrillic reading took for abuse.
  it.each<[string, Language, string]>([
    ['Spanish "con" is not the French insult', 'es', 'Hablo con usted enseguida, le paso con facturación.'],
    ['Spanish peanuts have no Russian swear word in them', 'es', 'Le enviamos unos cacahuetes de cortesía.'],
    ['Ukrainian "we will credit"', 'uk', 'Ми нарахуємо бонуси і врахуємо ваше побажання.'],
    ['French exhaustion is not a self-harm statement', 'fr', "Ma box est en panne depuis une semaine, j'en peux plus !!"],
  ])('%s', (_kind, lang, text) => {
    expect(['none', 'frustration']).toContain(detector.analyze(text, { lang }).label);
  });

  // The lexicon no longer reads bare נוכל ("we will be able") as "crook". The classifier alone still
  // leans to abuse on it (learned from training insults): a known issue of the model, see issue 2.
  it('Hebrew "we will be able" gives no rule evidence', () => {
    expect(detector.ruleEvidence('נוכל לעזור לך מחר בבוקר', { lang: 'he' }).evidence).toEqual([]);
  });

  it('reads a text in its own language only when told so (an agent draft in German is no Polish insult)', () => {
    const text = 'Ich bleibe dran, bis Sie die Bestätigung haben.';
    expect(detector.ruleEvidence(text, { lang: 'de', strictLanguage: true }).evidence).toEqual([]);
  });
});

describe('obfuscated forms count as the word they hide', () => {
  it.each<[string, Label]>([
    ['f.u.c.k you', 'abuse'],
    ['ｆｕｃｋ you', 'abuse'],
    ['you 1d10t', 'abuse'],
    ['cyka blyat, the app crashed again', 'profanity'],
    ['ты с*ка тупая', 'abuse'],
  ])('%s → %s', (text, label) => {
    expect(detector.analyze(text).label).toBe(label);
  });
});

describe('emoji carry meaning', () => {
  it('a knife emoji completes a threat, and is the evidence for it', () => {
    const text = "I'll come by your office 🔪";
    const a = detector.analyze(text);
    expect(a.label).toBe('threat');
    expect(a.evidence.some((e) => text.slice(e.start, e.end) === '🔪')).toBe(true);
  });

  it('a middle finger at the agent is abuse and is masked', () => {
    const a = detector.analyze('thanks for nothing 🖕');
    expect(a.label).toBe('abuse');
    expect(a.masked).toBe('thanks for nothing **');
  });

  it('everyday emoji stay innocent', () => {
    expect(['none', 'frustration']).toContain(detector.analyze('best deal ever 🔥💀 thank you').label);
  });
});

describe('evidence and masking', () => {
  it('evidence spans name their rule and slice the original text', () => {
    const text = 'Listen, you IDIOT, where is my refund?';
    const a = detector.analyze(text);
    expect(a.label).toBe('abuse');
    const ev = a.evidence.find((e) => e.category === 'abuse')!;
    expect(text.slice(ev.start, ev.end)).toBe('IDIOT');
    expect(ev.rule).toMatch(/^structure:abuse_/);
    expect(a.masked).toBe('Listen, you *****, where is my refund?');
  });

  it('a caller-given language wins', () => {
    expect(detector.analyze('idiot', { lang: 'de' }).language).toBe('de');
  });

  it('severity follows the label', () => {
    expect(detector.analyze('Where is my parcel?').severity).toBe(0);
    expect(detector.analyze('what the hell is going on with this app').severity).toBe(1);
    expect(detector.analyze('I will kill you').severity).toBe(3);
  });

  it('scores are probabilities that favour the label', () => {
    const a = detector.analyze('I know where you live');
    expect(a.scores.threat).toBeGreaterThan(0.5);
    expect(Object.values(a.scores).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 2);
  });
});
