import { describe, expect, it } from 'vitest';
import { createDetector } from '../detect/createDetector.js';
import type { Language } from '../detect/types.js';
import { shippedConversationPack } from '../conversation/registry.js';
import { DraftCoach } from './DraftCoach.js';
import { createCoach, packWords } from './createCoach.js';
import { SIGNAL_PAIRS } from './signals.js';

const detector = createDetector();
const coach = createCoach(detector);
// The shipped packs without their sarcasm and lecturing phrases: what is found then comes from the
// word-class pairs alone, so these tests fail if a pair or its classes stop working.
const pairsOnly = new DraftCoach(
  (lang) => {
    const pack = shippedConversationPack(lang);
    return { ...pack, cues: pack.cues.filter((c) => c.cue !== 'sarcasm' && c.cue !== 'lecturing') };
  },
  detector,
  ...packWords(),
);
const rules = (c: DraftCoach, lang: Language, draft: string): string[] => c.check(draft, { lang }).map((f) => `${f.kind} ${f.rule}`);

/** Per pair: drafts in three or more languages it finds, and a close draft that must stay clean. */
const CASES: Record<string, { finds: [Language, string][]; clean: [Language, string][] }> = {
  'irony+mishap': {
    finds: [
      ['en', 'Wonderful, the form got rejected again.'],
      ['ru', 'Чудесно, платёж снова завис.'],
      ['pl', 'Wspaniale, przelew znowu utknął.'],
      ['de', 'Großartig, die Überweisung ist wieder verspätet.'],
    ],
    clean: [
      ['en', 'Great news: the delayed parcel has left the depot.'],
      ['en', "Wonderful, and I'm sorry the form was rejected again: I've fixed the field that caused it."],
    ],
  },
  'whole+timespan': {
    finds: [
      ['en', 'Three whole weeks for one letter.'],
      ['ru', 'Целых три недели на одно письмо.'],
      ['de', 'Drei ganze Wochen für einen Brief.'],
      ['fr', 'Deux jours entiers sans colis, imaginez.'],
    ],
    clean: [
      ['en', "I'm sorry you waited two whole days for a reply."],
      ['de', 'Ich kann die ganze Reise um einen Tag verlängern.'],
    ],
  },
  'thing+volition': {
    finds: [
      ['en', 'Looks like your router decided to take the afternoon off.'],
      ['es', 'Parece que la tarjeta decidió tomarse el día libre.'],
      ['pl', 'Widocznie paczka postanowiła zwiedzić pół Polski.'],
    ],
    clean: [['en', 'The courier decided to leave your parcel at the pick-up point, and I can change that for you.']],
  },
  'surely+add_on': {
    finds: [
      ['en', "Sure, and while we're at it, a free upgrade to first class."],
      ['es', 'Claro, y de paso un bono de regalo.'],
      ['fr', 'Bien sûr, et pourquoi pas un surclassement gratuit.'],
      ['de', 'Klar, und vielleicht noch ein Frühstück ans Bett dazu.'],
    ],
    clean: [['en', "Of course, and I'll also email you the receipt."]],
  },
  'thanks+nth': {
    finds: [
      ['en', 'Thanks so much for the fourth chat today.'],
      ['ru', 'Спасибо за пятое письмо за утро.'],
      ['de', 'Danke für die fünfte Nachricht heute.'],
    ],
    clean: [['en', "Thank you for your patience; this is the third time you've had to write and I'm sorry."]],
  },
  'irony+nth': {
    finds: [
      ['en', 'Splendid, that makes it the fifth time this week.'],
      ['es', 'Estupendo, es la quinta vez esta semana.'],
      ['fr', "Formidable, c'est la cinquième fois cette semaine."],
    ],
    clean: [
      ['en', 'Great, the fifth payment went through, so your plan is fully paid.'],
      ['de', 'Danke für die fünfte Rate, damit ist alles bezahlt.'],
    ],
  },
  'pity+timespan': {
    finds: [
      ['fr', 'Vingt minutes au téléphone, quel calvaire.'],
      ['ru', 'Двадцать минут ожидания, какая трагедия.'],
      ['uk', 'Двадцять хвилин очікування, яка трагедія.'],
    ],
    clean: [['en', "What an ordeal, I'm so sorry you spent three hours at the airport."]],
  },
  'duty+holder': {
    finds: [
      ['en', "Keeping the PIN secret is entirely the cardholder's responsibility."],
      ['ru', 'Сохранность пароля — ответственность держателя карты.'],
      ['es', 'Mantener la dirección al día es responsabilidad del titular.'],
    ],
    clean: [
      ['en', "It's our responsibility to get your refund to you, and I'll make sure it happens."],
      ['ru', 'Это наша обязанность — вернуть вам деньги.'],
      ['de', 'Es ist unsere Verantwortung, Ihnen das Geld zu erstatten.'],
    ],
  },
  'beforehand+rather_than': {
    finds: [
      ['en', 'Seats are chosen in advance, not at the gate.'],
      ['ru', 'Визу оформляют заранее, а не в день вылета.'],
      ['es', 'El equipaje se pesa antes, no en el mostrador.'],
    ],
    clean: [['en', 'You can pay in advance or at pickup, whichever suits you.']],
  },
  'counterfactual+check_verb': {
    finds: [
      ['en', 'Had you read the welcome letter, the fee would have been no surprise.'],
      ['de', 'Hätten Sie die Bestätigung gelesen, wüssten Sie es.'],
      ['ru', 'Если бы вы прочитали письмо, вопросов бы не было.'],
    ],
    clean: [['en', 'If you had any trouble reading the letter, I can send it again.']],
  },
  'notice+every_time': {
    finds: [
      ['en', "It's stated clearly in the contract."],
      ['ru', 'Это чётко прописано в договоре.'],
      ['es', 'Viene indicado en cada factura.'],
    ],
    clean: [
      ['en', 'The new date is printed on the ticket, and every seat is reserved for you.'],
      ['en', "It isn't written on every bill, so here is the date: the 14th."],
    ],
  },
  'check_verb+beforehand': {
    finds: [
      ['en', 'It pays to review the fare rules before booking.'],
      ['ru', 'Размер стоит проверять перед заказом.'],
      ['fr', 'Il faut vérifier la taille avant de commander.'],
      ['es', 'Conviene revisar la talla antes de comprar.'],
    ],
    clean: [
      ['en', "I'll check the status before I call you back."],
      ['de', 'Ich prüfe den Status, bevor ich Sie zurückrufe.'],
    ],
  },
  'should_have+check_verb': {
    finds: [
      ['es', 'Debería haber revisado la fecha.'],
      ['uk', 'Варто було перечитати заяву.'],
      ['fr', 'Il fallait relire le formulaire.'],
    ],
    clean: [['en', 'Should you have any questions, the guide is here to read at your own pace.']],
  },
  'common_knowledge+holder': {
    finds: [
      ['de', 'Das ist Grundwissen für jeden Kunden.'],
      ['ru', 'Это азы для любого клиента.'],
      ['he', 'זה היגיון בריא לשמור את הקבלה שלך.'],
    ],
    clean: [['de', 'Das ist Grundwissen für unser Team, darum kümmern wir uns.']],
  },
  'next_time+advice': {
    finds: [
      ['es', 'En adelante, asegúrese de guardar el ticket.'],
      ['he', 'מעכשיו, תקפיד לשמור את הקבלה.'],
      ['ru', 'В дальнейшем не забывайте сохранять чек.'],
      ['zh', '以后记得保存好小票。'],
    ],
    clean: [
      ['en', 'Next time you order, the discount applies automatically.'],
      ['zh', '下次下单可以直接用这个优惠码。'],
    ],
  },
};

describe('signal pairs', () => {
  it('has cases for every pair', () => {
    expect(Object.keys(CASES).sort()).toEqual(SIGNAL_PAIRS.map((p) => `${p.a}+${p.b}`).sort());
  });

  for (const p of SIGNAL_PAIRS) {
    const name = `${p.a}+${p.b}`;
    const { finds, clean } = CASES[name]!;
    it.each(finds)(`${name} finds ${p.kind} (%s): %s`, (lang, draft) => {
      expect(rules(pairsOnly, lang, draft)).toContain(`${p.kind} signal:${name}`);
    });
    it.each(clean)(`${name} leaves a close clean draft alone (%s): %s`, (lang, draft) => {
      expect(coach.check(draft, { lang }).map((f) => f.kind)).toEqual([]);
    });
  }

  it('reads a pair only inside one sentence', () => {
    expect(rules(pairsOnly, 'en', 'Thanks for waiting. The fourth box is on the van.')).toEqual([]);
  });

  it('adds no second finding where a phrase already found the kind', () => {
    const found = coach.check('Wow, the parcel is late again, what a surprise.', { lang: 'en' }).filter((f) => f.kind === 'sarcasm');
    expect(found).toHaveLength(1);
  });
});
