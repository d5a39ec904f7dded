/**
 * A policy problem in the admin's language. Core names each problem by a stable code with its
 * numbers or choices; the sentence is chosen here by that code, with the numbers written the way
 * the language writes them and choices by their labels on screen. Only a code this UI does not know
 * yet (a newer server) falls back to the server's English sentence.
 */
import type { PolicyIssue } from '@calmline/core/policy';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../i18n/languages';
import { useFormat } from '../../lib/format';

/** Codes whose sentence names the allowed range, and so needs both of its ends. */
const RANGED = new Set(['too_small', 'too_big', 'not_integer', 'too_short', 'too_long']);

export function usePolicyIssueText() {
  const { t, i18n } = useTranslation('admin');
  const { number } = useFormat();
  const or = new Intl.ListFormat(i18n.language, { type: 'disjunction' });

  /** The field as its label on screen reads, or its path when the page has no such field. */
  const label = (path: string): string => {
    const [group, kind, lang] = path.split('.');
    const language = LANGUAGES.find((l) => l.code === lang);
    if (group === 'crisis' && kind === 'resources' && language) return t('policy.crisisLineIn', { language: language.name });
    if (group === 'register' && kind && !lang) {
      const named = LANGUAGES.find((l) => l.code === kind);
      if (named) return named.name;
    }
    return i18n.exists(`admin:policy.field.${path}.label`) ? t(`policy.field.${path}.label`) : path;
  };

  /** A choice by its label on screen, or as it is written when the page does not offer it. */
  const choice = (path: string, value: string): string => {
    if (path.startsWith('register.') && (value === 'formal' || value === 'informal')) return t(`policy.${value}`);
    return i18n.exists(`admin:policy.field.${path}.${value}`) ? t(`policy.field.${path}.${value}`) : value;
  };

  const text = (issue: PolicyIssue): string => {
    const { code, min, max } = issue;
    const range = { min: min === undefined ? '' : number(min), max: max === undefined ? '' : number(max) };
    if (RANGED.has(code)) return min !== undefined && max !== undefined ? t(`policy.issue.${code}`, range) : issue.message;
    switch (code) {
      case 'invalid_type':
        // An empty number field, or text where a number belongs: the range says what to enter.
        if (min === undefined || max === undefined) return t('policy.issue.invalid_type');
        return issue.expected === 'string' ? t('policy.issue.text', range) : t('policy.range', range);
      case 'invalid_value':
        return t('policy.issue.invalid_value', { values: or.format((issue.values ?? []).map((v) => choice(issue.field, v))) });
      case 'unknown_key':
        return t('policy.issue.unknown_key');
      default:
        return issue.message;
    }
  };

  /** The problem with the field's name in front, for a list away from the field. */
  const withField = (issue: PolicyIssue) => t('policy.issueAt', { field: label(issue.field), problem: text(issue) });

  return { text, withField, label };
}
