/**
 * What an agent would notice, language by language: clear cases of each label, the hard
 * negatives of LABELS.md, obfuscated forms, evidence that points at the words, and masking.
 * Sentences here are written for the tests (not taken from the corpus).
 */
import { describe, expect, it } from 'vitest';
import { createDetector, Tag } from './index.js';
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

describe('blunt, short threats, self-harm and insults are never missed', () => {
  // One-line chat messages: the training corpus is mostly long and subtle, and a model that only
  // ever saw those read "I will kill you" as ordinary and "I want to die" as German. The language is
  // not given: the detector must find it too.
  it.each<Case>([
    ['en', 'I will kill you', 'threat'],
    ['en', 'i will kill you!', 'threat'],
    ['en', "i'm going to smash your face in", 'threat'],
    ['en', "you're dead when I find you", 'threat'],
    ['en', "I'll stab you", 'threat'],
    ['en', 'I want to die now', 'self_harm'],
    ['en', "i'm going to kill myself tonight", 'self_harm'],
    ['en', 'you stupid idiot', 'abuse'],
    ['en', 'shut up you moron', 'abuse'],
    ['de', 'Ich bring dich heute noch um', 'threat'],
    ['de', 'Ich hau dir eine rein', 'threat'],
    ['de', 'Ich stech Sie ab', 'threat'],
    ['de', 'Ich will echt nicht mehr leben', 'self_harm'],
    ['de', 'Ich bring mich heute Nacht um', 'self_harm'],
    ['de', 'Du dumme Kuh', 'abuse'],
    ['de', 'Sie sind ein Vollidiot', 'abuse'],
    ['ru', 'Я вас всех убью', 'threat'],
    ['ru', 'Я тебе морду набью', 'threat'],
    ['ru', 'Я тебя найду и убью', 'threat'],
    ['ru', 'Хочу сдохнуть', 'self_harm'],
    ['ru', 'Я покончу с собой сегодня', 'self_harm'],
    ['ru', 'Ты идиот', 'abuse'],
    ['ru', 'Заткнись, дура', 'abuse'],
    ['uk', "Я вас усіх вб'ю", 'threat'],
    ['uk', "Я тобі пику наб'ю", 'threat'],
    ['uk', "Я тебе знайду і вб'ю", 'threat'],
    ['uk', 'Я хочу вмерти', 'self_harm'],
    ['uk', 'Я накладу на себе руки', 'self_harm'],
    ['uk', 'Ти ідіот', 'abuse'],
    ['uk', 'Замовкни, дурепо', 'abuse'],
    ['pl', 'Zabiję was wszystkich', 'threat'],
    ['pl', 'Dam ci w mordę', 'threat'],
    ['pl', 'Znajdę cię i zabiję', 'threat'],
    ['pl', 'Chcę się zabić', 'self_harm'],
    ['pl', 'Zabiję się dzisiaj', 'self_harm'],
    ['pl', 'Ty idioto', 'abuse'],
    ['pl', 'Zamknij się, kretynie', 'abuse'],
    ['zh', '我要杀了你', 'threat'],
    ['zh', '我弄死你', 'threat'],
    ['zh', '我要打死你', 'threat'],
    ['zh', '我真的想死', 'self_harm'],
    ['zh', '我今晚就自杀', 'self_harm'],
    ['zh', '你这个白痴', 'abuse'],
    ['zh', '闭嘴，蠢货', 'abuse'],
    ['he', 'אני ארצח אותך', 'threat'],
    ['he', 'אני אשבור לך את הראש', 'threat'],
    ['he', 'אני אמצא אותך ואהרוג אותך', 'threat'],
    ['he', 'אני כבר לא רוצה לחיות', 'self_harm'],
    ['he', 'אני אתאבד הלילה', 'self_harm'],
    ['he', 'אתה אידיוט', 'abuse'],
    ['he', "סתום ת'פה, מפגר", 'abuse'],
    ['ar', 'سأقتلك', 'threat'],
    ['ar', 'والله لأكسر وجهك', 'threat'],
    ['ar', 'سأجدك وأقتلك', 'threat'],
    ['ar', 'أريد أن أموت', 'self_harm'],
    ['ar', 'سأنتحر الليلة', 'self_harm'],
    ['ar', 'أنت غبي', 'abuse'],
    ['ar', 'اخرس يا حمار', 'abuse'],
    ['es', 'Te voy a matar', 'threat'],
    ['es', 'Te voy a partir la cara', 'threat'],
    ['es', 'Te encontraré y te mataré', 'threat'],
    ['es', 'Quiero morirme', 'self_harm'],
    ['es', 'Me voy a suicidar esta noche', 'self_harm'],
    ['es', 'Eres un idiota', 'abuse'],
    ['es', 'Cállate, imbécil', 'abuse'],
    ['fr', 'Je vais te tuer', 'threat'],
    ['fr', 'Je vais te casser la gueule', 'threat'],
    ['fr', 'Je vais te retrouver et te buter', 'threat'],
    ['fr', 'Je veux mourir', 'self_harm'],
    ['fr', 'Je vais me suicider ce soir', 'self_harm'],
    ['fr', "T'es un abruti", 'abuse'],
    ['fr', 'Ferme-la, connard', 'abuse'],
  ])('%s: %s → %s', (_lang, text, label) => {
    expect(detector.analyze(text).label).toBe(label);
  });
});

describe('who the words are aimed at', () => {
  it("an insult whose sentence names the agent's things is abuse although the writer speaks next", () => {
    const text = "Je note ton matricule, crétin. Je vais écrire au siège jusqu'à ce qu'on te vire.";
    expect(detector.analyze(text).label).toBe('abuse');
  });

  it('a self-insult followed by the writer stays a self-insult', () => {
    expect(detector.analyze("I'm such an idiot, I forgot my password again").label).not.toBe('abuse');
    expect(detector.analyze("Quelle idiote, j'ai oublié mon code").label).not.toBe('abuse');
  });

  it('Arabic ب and ك glued to a verb or pronoun do not make a quote or a "you"', () => {
    // "بقالي" (it has been … for me) is not ب + "قالي" (he told me), which would shield the rest.
    const longWait = detector.trace('بقالي ساعتين مستني على الخط، عايز أموت وأخلص', { lang: 'ar' });
    expect(longWait.matches.some((m) => m.entry.pattern === 'قالي')).toBe(false);
    expect(detector.analyze('بقالي ساعتين مستني على الخط، عايز أموت وأخلص', { lang: 'ar' }).label).toBe('self_harm');
    // "كانت" (was) is not ك + "انت" (you); "وانت" (and you) still is.
    expect(detector.trace('كانت الخدمة سيئة', { lang: 'ar' }).matches.some((m) => m.entry.tags & Tag.p2)).toBe(false);
    expect(detector.trace('وانت ما بترد', { lang: 'ar' }).matches.some((m) => m.entry.tags & Tag.p2)).toBe(true);
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
