/**
 * @module commands/benchServer/scripts
 * The conversations the server load generator plays: a pool of 500 concurrent conversations in
 * English, German, Russian and Spanish, each a short script of customer messages. About one in ten
 * turns abusive and then threatening, so alerts reach the supervisor's socket all through a run.
 * Lines were written for this bench (not taken from the corpus), so the figures do not depend on it.
 */

export type ScriptLanguage = 'en' | 'de' | 'ru' | 'es';

interface Lines {
  calm: readonly string[];
  abuse: readonly string[];
  threat: readonly string[];
}

/** Customer lines per language: ordinary service questions, insults, and threats of violence. */
export const LINES: Record<ScriptLanguage, Lines> = {
  en: {
    calm: [
      'Hello, my parcel has not arrived yet. Can you check where it is?',
      'The order number is 48213, it was due last Tuesday.',
      'I already waited on the phone for twenty minutes yesterday.',
      'Could you send me a new tracking link, please?',
      'Thanks. Will I get a refund for the shipping cost?',
      'The invoice shows the wrong address, can you correct it?',
      'Okay, that works for me.',
      'Thank you for your help, have a nice day.',
    ],
    abuse: ['You are a useless idiot.', 'You are all a bunch of incompetent morons.'],
    threat: ['I know where your office is and I will come and hurt you.', 'I will find you and kill you.'],
  },
  de: {
    calm: [
      'Guten Tag, mein Paket ist immer noch nicht angekommen.',
      'Die Bestellnummer ist 48213, die Lieferung war für Dienstag angekündigt.',
      'Ich habe gestern schon zwanzig Minuten in der Warteschleife gehangen.',
      'Können Sie mir bitte einen neuen Sendungslink schicken?',
      'Danke. Bekomme ich die Versandkosten erstattet?',
      'Auf der Rechnung steht die falsche Adresse, können Sie das ändern?',
      'In Ordnung, so machen wir das.',
      'Vielen Dank für Ihre Hilfe, schönen Tag noch.',
    ],
    abuse: ['Sie sind ein nutzloser Idiot.', 'Ihr seid alle unfähige Vollidioten.'],
    threat: ['Ich weiß, wo Ihr Büro ist, und ich werde kommen und Ihnen wehtun.', 'Ich werde dich finden und umbringen.'],
  },
  ru: {
    calm: [
      'Здравствуйте, моя посылка до сих пор не пришла.',
      'Номер заказа 48213, доставка была обещана во вторник.',
      'Вчера я уже двадцать минут ждал на линии.',
      'Пришлите мне, пожалуйста, новую ссылку для отслеживания.',
      'Спасибо. Мне вернут деньги за доставку?',
      'В счёте указан неправильный адрес, можете исправить?',
      'Хорошо, меня это устраивает.',
      'Спасибо за помощь, хорошего дня.',
    ],
    abuse: ['Ты бесполезный идиот.', 'Вы все тупые придурки.'],
    threat: ['Я знаю, где ваш офис, я приду и сделаю вам больно.', 'Я найду тебя и убью.'],
  },
  es: {
    calm: [
      'Hola, mi paquete todavía no ha llegado.',
      'El número de pedido es 48213, debía llegar el martes.',
      'Ayer ya esperé veinte minutos al teléfono.',
      '¿Me pueden enviar un nuevo enlace de seguimiento, por favor?',
      'Gracias. ¿Me devolverán los gastos de envío?',
      'La factura tiene la dirección equivocada, ¿pueden corregirla?',
      'De acuerdo, así me sirve.',
      'Gracias por su ayuda, que tenga un buen día.',
    ],
    abuse: ['Eres un idiota inútil.', 'Sois todos unos imbéciles incompetentes.'],
    threat: ['Sé dónde está su oficina y voy a ir a hacerle daño.', 'Te voy a encontrar y te voy a matar.'],
  },
};

export const SCRIPT_LANGUAGES = Object.keys(LINES) as ScriptLanguage[];

/** Messages per conversation; a finished conversation is replaced by a new one in its slot. */
export const SCRIPT_LENGTH = 8;
/** Where an abusive conversation insults (an abuse alert) and then threatens (a threat alert). */
const ABUSE_AT = 3;
const THREAT_AT = 6;

export interface ScriptLine {
  text: string;
  /** What the line was written to be: the detector should label `abuse` and `threat` lines so. */
  kind: 'calm' | 'abuse' | 'threat';
}

/** One conversation's customer messages, in order. */
export function conversationScript(lang: ScriptLanguage, abusive: boolean, variant: number): ScriptLine[] {
  const l = LINES[lang];
  return Array.from({ length: SCRIPT_LENGTH }, (_, i): ScriptLine => {
    if (abusive && i === ABUSE_AT) return { text: l.abuse[variant % l.abuse.length]!, kind: 'abuse' };
    if (abusive && i === THREAT_AT) return { text: l.threat[variant % l.threat.length]!, kind: 'threat' };
    return { text: l.calm[(i + variant) % l.calm.length]!, kind: 'calm' };
  });
}

/** A small deterministic generator (mulberry32): the same run plays the same conversations. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PoolMessage {
  /** The JSON body of POST /api/messages. */
  body: string;
  /** The script line behind it (for tests and for counting the alerts to expect). */
  line: ScriptLine;
  conversationExternalId: string;
}

export interface PoolOptions {
  /** Concurrent conversations. */
  size: number;
  /** Prefix of conversation external ids: a fresh prefix per phase gives fresh conversations. */
  prefix: string;
  seed: number;
  /** conversation.teamId of every conversation (the lead's team, so the lead hears the alerts). */
  teamId?: string | undefined;
  /** One in how many conversations turns abusive. */
  abusiveOneIn?: number;
}

/**
 * Conversations played round-robin: message n goes to slot n mod size. Slot j starts its first
 * conversation at line j mod SCRIPT_LENGTH, so conversations open (and turn abusive) at a steady
 * rate from the first second instead of all at once.
 */
export class ConversationPool {
  private readonly slots: { externalId: string; lang: ScriptLanguage; script: ScriptLine[]; pos: number; n: number }[] = [];
  private readonly rand: () => number;
  private serial = 0;
  private turn = 0;

  constructor(private readonly options: PoolOptions) {
    this.rand = random(options.seed);
    for (let j = 0; j < options.size; j++) {
      const slot = this.open();
      slot.pos = j % SCRIPT_LENGTH;
      this.slots.push(slot);
    }
  }

  private open() {
    const lang = SCRIPT_LANGUAGES[Math.floor(this.rand() * SCRIPT_LANGUAGES.length)]!;
    const abusive = this.rand() < 1 / (this.options.abusiveOneIn ?? 10);
    const n = this.serial++;
    return { externalId: `${this.options.prefix}-${n}`, lang, script: conversationScript(lang, abusive, n), pos: 0, n };
  }

  next(): PoolMessage {
    const j = this.turn++ % this.slots.length;
    let slot = this.slots[j]!;
    if (slot.pos >= slot.script.length) slot = this.slots[j] = this.open();
    const line = slot.script[slot.pos]!;
    const body = JSON.stringify({
      conversation: {
        channel: 'chat',
        externalId: slot.externalId,
        language: slot.lang,
        ...(this.options.teamId ? { teamId: this.options.teamId } : {}),
      },
      author: 'customer',
      text: line.text,
      // Integrations send their own message id so a retry is answered, not stored twice.
      externalId: `${slot.externalId}-m${slot.pos}`,
    });
    slot.pos++;
    return { body, line, conversationExternalId: slot.externalId };
  }
}
