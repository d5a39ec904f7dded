/**
 * How training shows its numbers and moods: scores as percentages in the UI's language ("70 %" in
 * German), and each mood band with a colour that always comes with its word, never alone.
 */
import type { Mood } from '@calmline/core';
import { useTranslation } from 'react-i18next';

/** Calm to hostile; the order the chart's table and the legend use. */
export const MOOD_BANDS = ['calm', 'irritated', 'angry', 'hostile'] as const satisfies readonly Mood[];

/** Filled badge colours with white text that keeps AA contrast (the yellow takes dark text). */
export const MOOD_LOOK: Record<Mood, { color: string; c: string }> = {
  calm: { color: 'teal.8', c: 'white' },
  irritated: { color: 'yellow.4', c: 'dark.9' },
  angry: { color: 'orange.8', c: 'white' },
  hostile: { color: 'red.9', c: 'white' },
};

/** A 0–1 share as a percentage, e.g. 0.7 → "70%" (en) or "70 %" (fr). */
export function usePercent(): (share: number | null | undefined) => string {
  const { i18n } = useTranslation();
  const f = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  return (share) => (share === null || share === undefined ? '—' : f.format(share));
}
