/**
 * @module coach/drafts
 * The labelled agent-draft format of corpus/drafts (see corpus/drafts/README.md), and checking
 * such drafts with a coach, for evaluation.
 */
import type { Detector } from '../detect/Detector.js';
import { isLanguage, type Analysis, type Language } from '../detect/types.js';
import { isFindingKind, type FindingKind, type Register } from '../conversation/types.js';
import type { DraftCoach } from './DraftCoach.js';
import type { DraftContext } from './types.js';
import type { CoachScored } from './evaluate.js';

/** One labelled draft. */
export interface DraftRecord {
  id: string;
  lang: Language;
  register?: Register | undefined;
  customer?: string | undefined;
  previous?: string[] | undefined;
  draft: string;
  expected: FindingKind[];
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * Validates one parsed JSON object as a DraftRecord; returns a sentence saying what is wrong otherwise.
 * @example parseDraftRecord({ id: 'x', lang: 'en', draft: 'Hi', expected: [] }) // { id: 'x', … }
 */
export function parseDraftRecord(v: unknown): DraftRecord | string {
  if (typeof v !== 'object' || v === null) return 'not a JSON object';
  const r = v as Record<string, unknown>;
  if (typeof r.id !== 'string') return '"id" must be a string';
  if (!isLanguage(r.lang)) return `"lang" must be one of the supported languages (${r.id})`;
  if (typeof r.draft !== 'string' || r.draft === '') return `"draft" must be a non-empty string (${r.id})`;
  if (!isStringArray(r.expected) || !r.expected.every(isFindingKind)) return `"expected" must list kinds of finding (${r.id})`;
  if (r.customer !== undefined && typeof r.customer !== 'string') return `"customer" must be a string (${r.id})`;
  if (r.previous !== undefined && !isStringArray(r.previous)) return `"previous" must be a list of strings (${r.id})`;
  if (r.register !== undefined && r.register !== 'formal' && r.register !== 'informal')
    return `"register" must be formal or informal (${r.id})`;
  return {
    id: r.id,
    lang: r.lang,
    register: r.register,
    customer: r.customer,
    previous: r.previous,
    draft: r.draft,
    expected: r.expected,
  };
}

/**
 * Reads a JSON Lines file of drafts: the valid records, and for each line that is not one, its
 * 1-based number and why (blank lines are skipped).
 * @example parseDraftLines('{"id":"a","lang":"en","draft":"Hi","expected":[]}').records.length // 1
 */
export function parseDraftLines(text: string): { records: DraftRecord[]; errors: { line: number; error: string }[] } {
  const records: DraftRecord[] = [];
  const errors: { line: number; error: string }[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      errors.push({ line: i + 1, error: 'not valid JSON' });
      return;
    }
    const r = parseDraftRecord(parsed);
    if (typeof r === 'string') errors.push({ line: i + 1, error: r });
    else records.push(r);
  });
  return { records, errors };
}

/**
 * The context the console would give the coach for a labelled draft.
 * @example coach.check(r.draft, draftContext(r, detector.analyze(r.customer, { lang: r.lang })))
 */
export function draftContext(r: DraftRecord, customer: Analysis | undefined): DraftContext {
  return {
    lang: r.lang,
    register: r.register,
    customer: customer ? { label: customer.label, scores: customer.scores, text: r.customer } : undefined,
    previous: r.previous,
  };
}

/**
 * Checks each draft as the agent's console would: the customer's message analysed first.
 * @example scoreDrafts(coach, detector, records)[0]?.predicted
 */
export function scoreDrafts(coach: DraftCoach, detector: Detector, records: readonly DraftRecord[]): CoachScored[] {
  return records.map((r) => {
    const customer = r.customer !== undefined ? detector.analyze(r.customer, { lang: r.lang }) : undefined;
    const findings = coach.check(r.draft, draftContext(r, customer));
    return { id: r.id, lang: r.lang, expected: r.expected, predicted: [...new Set(findings.map((f) => f.kind))] };
  });
}
