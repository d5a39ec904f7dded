/**
 * @module protocol/ReplyLibrary
 * The suggested replies of every language, by situation and register, and the choice of which
 * ones to offer: varied between conversations, stable within one, never a line already used.
 */
import type { Language } from '../detect/types.js';
import { fitsRegister, type ConversationPack, type Reply } from '../conversation/compile.js';
import type { Placeholder, Register, Situation } from '../conversation/types.js';

/**
 * Replaces `{placeholder}`s whose value is known; unknown ones stay visible for the agent to fill.
 * @example fillPlaceholders('Hi, I am {agent_name}.', { agent_name: 'Ana' }) // 'Hi, I am Ana.'
 */
export function fillPlaceholders(text: string, values: Partial<Record<Placeholder, string>>): string {
  return text.replace(/\{([a-z_]+)\}/g, (whole, name: string) => values[name as Placeholder] ?? whole);
}

export class ReplyLibrary {
  private readonly bySituation = new Map<string, Reply[]>();
  private readonly byId = new Map<string, Reply>();
  private readonly byText = new Map<string, Reply>();

  /** @param packs the reply lines of each language (a ConversationPack will do) */
  constructor(packs: readonly Pick<ConversationPack, 'lang' | 'replies'>[]) {
    for (const pack of packs) {
      for (const r of pack.replies) {
        const key = `${pack.lang}:${r.situation}`;
        const list = this.bySituation.get(key);
        if (list) list.push(r);
        else this.bySituation.set(key, [r]);
        this.byId.set(r.id, r);
        this.byText.set(`${pack.lang}:${r.text.trim()}`, r);
      }
    }
  }

  /**
   * A reply by id.
   * @example library.get('en.acknowledge.1r1m1ll')?.situation // 'acknowledge'
   */
  get(id: string): Reply | undefined {
    return this.byId.get(id);
  }

  /**
   * The library line an agent's message is, word for word, if any (lines without placeholders).
   * @example library.findByText('en', 'I can hear how frustrating this is.')
   */
  findByText(lang: Language, text: string): Reply | undefined {
    return this.byText.get(`${lang}:${text.trim()}`);
  }

  /**
   * All lines of a situation usable in a register.
   * @example library.lines('de', 'acknowledge', 'formal').length // ≥ 4
   */
  lines(lang: Language, situation: Situation, register: Register): Reply[] {
    return (this.bySituation.get(`${lang}:${situation}`) ?? []).filter((r) => fitsRegister(r.register, register, lang));
  }

  /**
   * Up to `max` unused lines, taken in turn from each situation (the first situation first). Where
   * to start in each situation's list depends on `seed`, so two conversations at the same step get
   * different wordings while a replay of one gets the same.
   * @example library.pick('en', 'formal', ['acknowledge'], [], 7, 3).length // 3
   */
  pick(lang: Language, register: Register, situations: readonly Situation[], used: readonly string[], seed: number, max = 3): Reply[] {
    const pools = situations.map((s) => this.lines(lang, s, register).filter((r) => !used.includes(r.id)));
    const out: Reply[] = [];
    for (let round = 0; out.length < max; round++) {
      let took = false;
      for (const pool of pools) {
        if (round >= pool.length || out.length >= max) continue;
        out.push(pool[(seed + round) % pool.length]!);
        took = true;
      }
      if (!took) break;
    }
    return out;
  }
}
