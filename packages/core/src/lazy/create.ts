/**
 * @module lazy/create
 * The factories of the browser entry, on the languages loaded so far. Each object is built on the
 * languages loaded when it is created and reads them exactly as Node's does; asked about a language
 * it was built without, it throws LanguageNotLoadedError rather than quietly reading less.
 */
import { DraftCoach } from '../coach/DraftCoach.js';
import { packWordsOf } from '../coach/packWords.js';
import { rudeScreens } from '../coach/rudeScreen.js';
import { compileConversationPack, compileReplies, type ConversationPack, type Reply } from '../conversation/compile.js';
import type { Register, Situation } from '../conversation/types.js';
import { Detector, type DetectorOptions, type Trace } from '../detect/Detector.js';
import { detectorOptions, type CreateDetectorOptions } from '../detect/detectorOptions.js';
import { ALWAYS_PACKS } from '../detect/packs/_compiled/always.js';
import type { CompiledPack } from '../detect/packs/compile.js';
import { loadCompiledPacks } from '../detect/packs/registry.js';
import { LANGUAGES, type Analysis, type AnalyzeOptions, type Evidence, type Language } from '../detect/types.js';
import type { Normalised } from '../detect/normalise/index.js';
import { DEFAULT_POLICY, type Policy } from '../policy/schema.js';
import { Protocol } from '../protocol/Protocol.js';
import { ReplyLibrary } from '../protocol/ReplyLibrary.js';
import { languageData, LanguageNotLoadedError, loadedLanguages, loadedModel } from './load.js';

/** Every language's pack: the loaded ones whole, the others with what is always there (see always.ts). */
function packsOf(langs: readonly Language[]): CompiledPack[] {
  return LANGUAGES.map((l) => (langs.includes(l) ? languageData(l).pack : ALWAYS_PACKS.find((p) => p.lang === l)!));
}

/** A Detector that refuses text whose reading needs a pack it was built without. */
class LoadedDetector extends Detector {
  constructor(
    private readonly has: readonly Language[],
    opts: DetectorOptions,
  ) {
    super(opts);
  }

  private require(text: string, opts: AnalyzeOptions): void {
    // With one strict language the guess brings nothing along, so no second normalisation.
    const need = opts.lang && opts.strictLanguage ? [opts.lang] : this.languagesOf(text, opts);
    const missing = need.filter((l) => !this.has.includes(l));
    if (missing.length > 0) throw new LanguageNotLoadedError(missing);
  }

  override analyze(text: string, opts: AnalyzeOptions = {}): Analysis {
    this.require(text, opts);
    return super.analyze(text, opts);
  }

  override ruleEvidence(text: string, opts: AnalyzeOptions = {}): { normalised: Normalised; evidence: Evidence[] } {
    this.require(text, opts);
    return super.ruleEvidence(text, opts);
  }

  override trace(text: string, opts: AnalyzeOptions = {}): Trace & { truncated: boolean } {
    this.require(text, opts);
    return super.trace(text, opts);
  }
}

/**
 * A detector on the languages loaded so far; the classifier needs `loadModel()` first unless
 * `rulesOnly` is set.
 * @example await Promise.all([loadLanguages(['de']), loadModel()]); createDetector().analyze('Du Idiot', { lang: 'de' }).label // 'abuse'
 */
export function createDetector(opts: CreateDetectorOptions = {}): Detector {
  const langs = loadedLanguages();
  const model = opts.rulesOnly ? null : loadedModel();
  return new LoadedDetector(langs, detectorOptions(loadCompiledPacks(packsOf(langs)), model, opts));
}

let identifier: Detector | undefined;

/**
 * The languages a detector must have loaded to read these texts as Node's does: the caller's
 * language and whatever the language guess brings along (it needs only the stopwords, which are
 * always there). Load them before playing a sample whose languages are not known in advance.
 * @example await loadLanguages(languagesFor(['You are an idiot'], { lang: 'en' }))
 */
export function languagesFor(texts: readonly string[], opts: AnalyzeOptions = {}): Language[] {
  identifier ??= new Detector({ packs: loadCompiledPacks(ALWAYS_PACKS) });
  const need = new Set<Language>();
  for (const t of texts) for (const l of identifier.languagesOf(t, opts)) need.add(l);
  return LANGUAGES.filter((l) => need.has(l));
}

const conversationPacks = new Map<Language, ConversationPack>();

function conversationPack(lang: Language): ConversationPack {
  let pack = conversationPacks.get(lang);
  if (!pack) conversationPacks.set(lang, (pack = compileConversationPack(languageData(lang).conversation)));
  return pack;
}

/**
 * A draft coach for the languages loaded so far. It reads the detector's rule evidence only (see
 * DraftCoach), so by default it needs no classifier download.
 * @example await loadLanguages(['fr']); createCoach().check('Calmez-vous.', { lang: 'fr' })
 */
export function createCoach(detector: Detector = createDetector({ rulesOnly: true })): DraftCoach {
  const langs = loadedLanguages();
  const load = (lang: Language): ConversationPack => {
    if (!langs.includes(lang)) throw new LanguageNotLoadedError([lang]);
    return conversationPack(lang);
  };
  return new DraftCoach(load, detector, ...packWordsOf(langs.map((l) => languageData(l).pack)), rudeScreens(packsOf(langs)));
}

/** A reply library that refuses a language it was built without instead of suggesting nothing. */
class LoadedReplyLibrary extends ReplyLibrary {
  constructor(private readonly has: readonly Language[]) {
    super(has.map((lang) => ({ lang, replies: replies(lang) })));
  }

  override lines(lang: Language, situation: Situation, register: Register): Reply[] {
    if (!this.has.includes(lang)) throw new LanguageNotLoadedError([lang]);
    return super.lines(lang, situation, register);
  }
}

const replyCache = new Map<Language, Reply[]>();
const replies = (lang: Language): Reply[] => {
  let r = replyCache.get(lang);
  if (!r) replyCache.set(lang, (r = compileReplies(languageData(lang).conversation)));
  return r;
};
let library: { key: string; library: ReplyLibrary } | undefined;

/**
 * A protocol on the reply library of the languages loaded so far.
 * @example await loadLanguages(['pl']); createProtocol().start({ lang: 'pl' }).step // 'normal'
 */
export function createProtocol(policy: Policy = DEFAULT_POLICY): Protocol {
  const langs = loadedLanguages();
  const key = langs.join();
  if (library?.key !== key) library = { key, library: new LoadedReplyLibrary(langs) };
  return new Protocol(policy, library.library);
}
