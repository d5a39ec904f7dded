/**
 * @module conversation/compile
 * Turns a conversation pack's text files (replies.tsv, coach.tsv, advice.tsv) into the structures
 * the protocol and the coach use. Validation happens here, once, when packs are built or loaded:
 * a bad line throws a ConversationPackError naming the file, line and column.
 */
import { parsePattern, PackSyntaxError, type Item } from '../detect/packs/compile.js';
import { charInfo, Script } from '../detect/normalise/01-fold/index.js';
import type { Language } from '../detect/types.js';
import {
  HAS_REGISTERS,
  PLACEHOLDERS,
  SITUATIONS,
  isCue,
  isFindingKind,
  FINDING_KINDS,
  type Cue,
  type FindingKind,
  type Register,
  type Situation,
} from './types.js';

/** The raw files of one conversation pack (comments may be blanked; line numbers must be kept). */
export interface ConversationSource {
  lang: Language;
  replies: string;
  coach: string;
  advice: string;
}

/** One line of the reply library. */
export interface Reply {
  /** Stable id from the text itself (`en.acknowledge.1x2y3z`), so "already used" survives reordering. */
  id: string;
  situation: Situation;
  /** `both` fits either register. */
  register: Register | 'both';
  text: string;
}

/** One compiled coach pattern. */
export interface CuePattern {
  cue: Cue;
  items: Item[];
  /** As written, for evidence. */
  pattern: string;
  /** Chinese: matched inside runs of CJK characters. */
  cjk: boolean;
}

/** What the coach says for one kind of finding. */
export interface KindAdvice {
  advice: string;
  better: { register: Register | 'both'; text: string }[];
}

/** A compiled conversation pack. */
export interface ConversationPack {
  lang: Language;
  replies: Reply[];
  cues: CuePattern[];
  advice: Record<FindingKind, KindAdvice>;
}

/** A line of a conversation pack that cannot be compiled (file, line and column, like a lexicon error). */
export class ConversationPackError extends PackSyntaxError {
  constructor(file: string, line: number, column: number, reason: string) {
    super(file, line, column, reason);
    this.name = 'ConversationPackError';
  }
}

/** Fewest lines per situation and register, and fewest better wordings per kind and register. */
export const MIN_REPLY_VARIANTS = 4;
export const MIN_BETTER_VARIANTS = 2;

const PLACEHOLDER_RE = /\{([^{}]*)\}/g;

/**
 * FNV-1a of a string in base 36: short, stable ids for reply lines.
 * @example textId('Hello') // '1r1m1ll'
 */
export function textId(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * Lines that are not comments or blank, with their 1-based numbers. An empty first field repeats the
 * previous line's: the generated modules write each kind or situation once per run of lines
 * (`shortFirstFields`), which keeps tens of thousands of "negative_phrasing\t" out of memory.
 */
function* dataLines(text: string): Generator<{ no: number; fields: string[] }> {
  const lines = text.split('\n');
  let previous: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (!isDataLine(line)) continue;
    const fields = line.split('\t');
    if (fields[0] === '' && fields.length > 1 && previous !== undefined) fields[0] = previous;
    previous = fields[0];
    yield { no: i + 1, fields };
  }
}

function isDataLine(line: string): boolean {
  return line.trim() !== '' && !line.startsWith('#');
}

/**
 * The same data with each line's first field left empty where it repeats the previous data line's
 * (what `dataLines` reads back). Line numbers are kept.
 * @example shortFirstFields('a\tx\na\ty') // 'a\tx\n\ty'
 */
export function shortFirstFields(text: string): string {
  let previous: string | undefined;
  return text
    .split('\n')
    .map((line) => {
      if (!isDataLine(line)) return line;
      const tab = line.indexOf('\t');
      if (tab < 0) return line;
      const first = line.slice(0, tab);
      const out = first === previous && first !== '' ? line.slice(tab) : line;
      previous = first;
      return out;
    })
    .join('\n');
}

function parseRegister(value: string, lang: Language, file: string, no: number, col: number): Register | 'both' {
  if (value === 'both') return 'both';
  if (value === 'formal' || value === 'informal') {
    if (!HAS_REGISTERS.has(lang))
      throw new ConversationPackError(file, no, col, `"${lang}" has no registers: write "both", not "${value}"`);
    return value;
  }
  throw new ConversationPackError(file, no, col, `register must be formal, informal or both, found "${value}"`);
}

function checkPlaceholders(text: string, file: string, no: number, col: number): void {
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(m[1]!))
      throw new ConversationPackError(file, no, col + m.index, `unknown placeholder {${m[1]}}; allowed: ${PLACEHOLDERS.join(', ')}`);
  }
  const stray = text.replace(PLACEHOLDER_RE, '').search(/[{}]/);
  if (stray >= 0) throw new ConversationPackError(file, no, col, 'unbalanced "{" or "}"');
}

/** Registers a line must exist in: both forms where the language has them. */
function registersOf(lang: Language): Register[] {
  return HAS_REGISTERS.has(lang) ? ['formal', 'informal'] : ['formal'];
}

/**
 * Whether a line written for `line` register may be used in a conversation held in `want`.
 * @example fitsRegister('both', 'informal', 'de') // true
 */
export function fitsRegister(line: Register | 'both', want: Register, lang: Language): boolean {
  return line === 'both' || line === want || !HAS_REGISTERS.has(lang);
}

/**
 * The reply library of one pack (cheap: the protocol needs every language's, the cues only on demand).
 * @example compileReplies(source).length
 */
export function compileReplies(src: Pick<ConversationSource, 'lang' | 'replies'>): Reply[] {
  const file = `data/conversation/${src.lang}/replies.tsv`;
  const replies: Reply[] = [];
  const seen = new Map<string, number>();
  for (const { no, fields } of dataLines(src.replies)) {
    if (fields.length !== 3)
      throw new ConversationPackError(file, no, 1, `expected situation<TAB>register<TAB>text, found ${fields.length} field(s)`);
    const [situation, register, text] = fields as [string, string, string];
    if (!(SITUATIONS as readonly string[]).includes(situation))
      throw new ConversationPackError(file, no, 1, `unknown situation "${situation}"; one of ${SITUATIONS.join(', ')}`);
    const reg = parseRegister(register, src.lang, file, no, situation.length + 2);
    const col = situation.length + register.length + 3;
    if (text.trim() === '') throw new ConversationPackError(file, no, col, 'empty reply');
    checkPlaceholders(text, file, no, col);
    const before = seen.get(text);
    if (before !== undefined) throw new ConversationPackError(file, no, col, `duplicate reply (first on line ${before})`);
    seen.set(text, no);
    replies.push({ id: `${src.lang}.${situation}.${textId(text)}`, situation: situation as Situation, register: reg, text });
  }
  for (const situation of SITUATIONS) {
    for (const want of registersOf(src.lang)) {
      const n = replies.filter((r) => r.situation === situation && fitsRegister(r.register, want, src.lang)).length;
      if (n < MIN_REPLY_VARIANTS)
        throw new ConversationPackError(
          file,
          0,
          0,
          `situation "${situation}" has ${n} ${want} line(s); at least ${MIN_REPLY_VARIANTS} are needed`,
        );
    }
  }
  return replies;
}

function compileCues(src: ConversationSource): CuePattern[] {
  const file = `data/conversation/${src.lang}/coach.tsv`;
  const cues: CuePattern[] = [];
  const seen = new Map<string, number>();
  for (const { no, fields } of dataLines(src.coach)) {
    if (fields.length < 2)
      throw new ConversationPackError(file, no, 1, `expected cue<TAB>pattern<TAB>note, found ${fields.length} field(s)`);
    const [cue, pattern] = fields as [string, string];
    if (!isCue(cue)) throw new ConversationPackError(file, no, 1, `unknown cue "${cue}"`);
    const items = parsePattern(pattern);
    if (typeof items === 'string') throw new ConversationPackError(file, no, cue.length + 2, items);
    const key = `${cue} ${items.map((i) => `${i.kind}:${i.text}`).join(' ')}`;
    const before = seen.get(key);
    if (before !== undefined) continue; // two spellings that fold alike (accents, ё/е): one pattern
    seen.set(key, no);
    const cp = items[0]!.text.codePointAt(0);
    cues.push({ cue, items, pattern, cjk: cp !== undefined && charInfo(cp).script === Script.Cjk });
  }
  return cues;
}

function compileAdvice(src: ConversationSource): Record<FindingKind, KindAdvice> {
  const file = `data/conversation/${src.lang}/advice.tsv`;
  const out: Partial<Record<FindingKind, KindAdvice>> = {};
  for (const { no, fields } of dataLines(src.advice)) {
    if (fields.length !== 4)
      throw new ConversationPackError(file, no, 1, `expected kind<TAB>field<TAB>register<TAB>text, found ${fields.length} field(s)`);
    const [kind, field, register, text] = fields as [string, string, string, string];
    if (!isFindingKind(kind)) throw new ConversationPackError(file, no, 1, `unknown kind "${kind}"`);
    const col = kind.length + field.length + register.length + 4;
    if (text.trim() === '') throw new ConversationPackError(file, no, col, 'empty text');
    checkPlaceholders(text, file, no, col);
    const entry = (out[kind] ??= { advice: '', better: [] });
    if (field === 'advice') {
      if (entry.advice !== '') throw new ConversationPackError(file, no, kind.length + 2, `second advice line for "${kind}"`);
      entry.advice = text;
    } else if (field === 'better') {
      entry.better.push({ register: parseRegister(register, src.lang, file, no, kind.length + field.length + 3), text });
    } else throw new ConversationPackError(file, no, kind.length + 2, `field must be advice or better, found "${field}"`);
  }
  for (const kind of FINDING_KINDS) {
    const entry = out[kind];
    if (!entry || entry.advice === '') throw new ConversationPackError(file, 0, 0, `no advice line for "${kind}"`);
    for (const want of registersOf(src.lang)) {
      const n = entry.better.filter((b) => fitsRegister(b.register, want, src.lang)).length;
      if (n < MIN_BETTER_VARIANTS)
        throw new ConversationPackError(
          file,
          0,
          0,
          `"${kind}" has ${n} ${want} better wording(s); at least ${MIN_BETTER_VARIANTS} are needed`,
        );
    }
  }
  return out as Record<FindingKind, KindAdvice>;
}

/**
 * Compiles one conversation pack; throws ConversationPackError on the first bad line or on a
 * situation or kind with too few lines.
 * @example compileConversationPack(source).replies.length
 */
export function compileConversationPack(src: ConversationSource): ConversationPack {
  return { lang: src.lang, replies: compileReplies(src), cues: compileCues(src), advice: compileAdvice(src) };
}
