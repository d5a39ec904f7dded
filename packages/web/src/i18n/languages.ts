/** The UI's languages (the same ten the detector reads), their own names, and their writing direction. */
export const LANGUAGES = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'de', name: 'Deutsch', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'pl', name: 'Polski', dir: 'ltr' },
  { code: 'ru', name: 'Русский', dir: 'ltr' },
  { code: 'uk', name: 'Українська', dir: 'ltr' },
  { code: 'zh', name: '中文', dir: 'ltr' },
  { code: 'he', name: 'עברית', dir: 'rtl' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
] as const;

export type UiLanguage = (typeof LANGUAGES)[number]['code'];

export const NAMESPACES = [
  'common',
  'console',
  'board',
  'incidents',
  'wellbeing',
  'admin',
  'training',
  'reviews',
  'library',
  'analytics',
] as const;

export function directionOf(lang: string): 'ltr' | 'rtl' {
  return LANGUAGES.find((l) => l.code === lang)?.dir ?? 'ltr';
}

/** The browser's preferred languages, first match wins; English otherwise. */
export function preferredLanguage(stored: string | null, browser: readonly string[]): UiLanguage {
  const known = (code: string) => LANGUAGES.find((l) => l.code === code)?.code;
  if (stored) {
    const s = known(stored);
    if (s) return s;
  }
  for (const tag of browser) {
    const c = known(tag.toLowerCase().split('-')[0] ?? '');
    if (c) return c;
  }
  return 'en';
}
