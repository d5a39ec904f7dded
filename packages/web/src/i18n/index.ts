/**
 * i18next with every language's texts bundled (they are small; a stressed agent should never wait
 * for a translation to load). The chosen language is remembered in this browser; the page's lang
 * and dir follow it, so Hebrew and Arabic lay out right to left.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, NAMESPACES, directionOf, preferredLanguage } from './languages';

const STORAGE_KEY = 'calmline.language';

// locales/<language>/<namespace>.json
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, mod] of Object.entries(files)) {
  const m = /\.\/locales\/([a-z]+)\/([a-z]+)\.json$/.exec(path);
  if (!m) continue;
  (resources[m[1]!] ??= {})[m[2]!] = mod.default;
}

function applyToDocument(lang: string): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}

export function initI18n(): typeof i18n {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled; the browser's language is used then.
  }
  const lng = preferredLanguage(stored, navigator.languages ?? [navigator.language]);
  void i18n.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en',
    supportedLngs: LANGUAGES.map((l) => l.code),
    ns: [...NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyToDocument(lng);
  i18n.on('languageChanged', applyToDocument);
  return i18n;
}

export async function setLanguage(lang: string): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, but still switched for this visit.
  }
  await i18n.changeLanguage(lang);
}

export { i18n };
