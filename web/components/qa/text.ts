/** How QA texts and numbers read in the console (pure, shared by every QA page). */
import type { Bilingual } from '../../../domain/appraisal/units.ts';
import type { Locale } from '../../locales/index.tsx';

/** The text of a bilingual label or domain message in the console's language. */
export const bi = (b: Bilingual | null | undefined, locale: Locale): string =>
  b ? (locale === 'en-US' ? b.en : b.zh) : '';

/** Points to at most two decimals, without trailing zeros: 87.5, 100, 64.33; "—" for none. */
export const pointsText = (x: number | null | undefined): string =>
  x == null || !Number.isFinite(x) ? '—' : String(Math.round(x * 100) / 100);

/** A fraction as a percentage to one decimal at most: 0.925 → 92.5%, 1 → 100%; "—" for none. */
export const percentText = (x: number | null | undefined): string =>
  x == null || !Number.isFinite(x) ? '—' : `${Math.round(x * 1000) / 10}%`;

/** The colour of a review score: red under 60, orange under 80, green from 80. */
export const scoreColor = (score: number | null | undefined): string =>
  score == null ? 'default' : score < 60 ? 'red' : score < 80 ? 'orange' : 'green';
