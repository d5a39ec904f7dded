/**
 * @module lazy/load
 * The browser's registry of language data: nothing is loaded until asked for, and each language
 * is one dynamic import of its conversation pack and one of its detection pack, so a bundler
 * emits them as chunks of their own and an agent downloads only the languages of their
 * conversations. Node imports every language statically instead (createCoach, createDetector).
 */
import type { StoredModel } from '../detect/classify/LogRegClassifier.js';
import type { CompiledPack } from '../detect/packs/compile.js';
import { isLanguage, LANGUAGES, type Language } from '../detect/types.js';
import type { ConversationSource } from '../conversation/compile.js';

interface LanguageData {
  conversation: ConversationSource;
  pack: CompiledPack;
}

type Importer = () => Promise<[{ SOURCE: ConversationSource }, { PACK: CompiledPack }]>;

// Literal paths, one pair per language: bundlers split only on import() calls they can read.
const IMPORTERS: Record<Language, Importer> = {
  en: () => Promise.all([import('../conversation/_data/en.js'), import('../detect/packs/_compiled/en.js')]),
  ru: () => Promise.all([import('../conversation/_data/ru.js'), import('../detect/packs/_compiled/ru.js')]),
  pl: () => Promise.all([import('../conversation/_data/pl.js'), import('../detect/packs/_compiled/pl.js')]),
  zh: () => Promise.all([import('../conversation/_data/zh.js'), import('../detect/packs/_compiled/zh.js')]),
  he: () => Promise.all([import('../conversation/_data/he.js'), import('../detect/packs/_compiled/he.js')]),
  uk: () => Promise.all([import('../conversation/_data/uk.js'), import('../detect/packs/_compiled/uk.js')]),
  de: () => Promise.all([import('../conversation/_data/de.js'), import('../detect/packs/_compiled/de.js')]),
  es: () => Promise.all([import('../conversation/_data/es.js'), import('../detect/packs/_compiled/es.js')]),
  fr: () => Promise.all([import('../conversation/_data/fr.js'), import('../detect/packs/_compiled/fr.js')]),
  ar: () => Promise.all([import('../conversation/_data/ar.js'), import('../detect/packs/_compiled/ar.js')]),
};

const loaded = new Map<Language, LanguageData>();
const pending = new Map<Language, Promise<void>>();
let model: StoredModel | null | undefined;
let modelPending: Promise<void> | undefined;

/** A language's data was needed before `loadLanguages` had loaded it. */
export class LanguageNotLoadedError extends Error {
  readonly code = 'language_not_loaded';
  constructor(readonly languages: readonly Language[]) {
    const list = languages.map((l) => `'${l}'`).join(', ');
    super(`language data not loaded for ${list}: await loadLanguages([${list}]) before creating the detector, coach or protocol`);
    this.name = 'LanguageNotLoadedError';
  }
}

/**
 * Downloads the data of these languages (once each; a failed download is tried again on the
 * next call). Factories called afterwards work for every language loaded so far.
 * @example await loadLanguages(['de']); createCoach().check('Beruhigen Sie sich.', { lang: 'de' })
 */
export function loadLanguages(langs: readonly string[]): Promise<void> {
  const unknown = langs.filter((l) => !isLanguage(l));
  if (unknown.length > 0)
    return Promise.reject(new Error(`unknown language ${unknown.map((l) => `"${l}"`).join(', ')}: one of ${LANGUAGES.join(' ')}`));
  return Promise.all((langs as Language[]).map(loadOne)).then(() => undefined);
}

function loadOne(lang: Language): Promise<void> {
  if (loaded.has(lang)) return Promise.resolve();
  let p = pending.get(lang);
  if (!p) {
    p = IMPORTERS[lang]()
      .then(([c, d]) => void loaded.set(lang, { conversation: c.SOURCE, pack: d.PACK }))
      .finally(() => pending.delete(lang));
    pending.set(lang, p);
  }
  return p;
}

/**
 * Downloads the classifier (shared by all languages), which `createDetector` needs unless it is
 * asked for rules only. The coach does not need it.
 */
export function loadModel(): Promise<void> {
  if (model !== undefined) return Promise.resolve();
  return (modelPending ??= import('../detect/classify/_model.js')
    .then((m) => void (model = m.MODEL))
    .finally(() => (modelPending = undefined)));
}

/** The languages loaded so far, in the order of LANGUAGES. */
export function loadedLanguages(): Language[] {
  return LANGUAGES.filter((l) => loaded.has(l));
}

/** A loaded language's data; throws LanguageNotLoadedError otherwise. */
export function languageData(lang: Language): LanguageData {
  const data = loaded.get(lang);
  if (!data) throw new LanguageNotLoadedError([lang]);
  return data;
}

/** The loaded model (null when the build shipped none); throws when loadModel has not run. */
export function loadedModel(): StoredModel | null {
  if (model === undefined)
    throw new Error('the classifier is not loaded: await loadModel() before createDetector(), or pass { rulesOnly: true }');
  return model;
}
