/** The UI language, by each language's own name; remembered in this browser. */
import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';
import { LANGUAGES } from '../i18n/languages';

export function LanguagePicker({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('language')}
      label={compact ? undefined : t('language')}
      size={compact ? 'xs' : 'sm'}
      value={i18n.language}
      onChange={(e) => void setLanguage(e.currentTarget.value)}
      data={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
      data-testid="language-picker"
    />
  );
}
