/** How appraisal values, money and bilingual texts read in the console (pure, shared by every appraisal page). */
import {
  formatCents,
  formatValue,
  toDisplay,
  type Bilingual,
  type CycleState,
  type Grade,
  type IndicatorUnit,
} from '../../../../domain/appraisal/index.ts';
import type { Locale } from '../../../locales/index.tsx';

/** The text of a domain message in the console's language. */
export const bi = (b: Bilingual | null | undefined, locale: Locale): string =>
  b ? (locale === 'en-US' ? b.en : b.zh) : '';

/** A value in its unit as people read it (0.9 → 90%, 35 → 35 秒). */
export const valueText = (unit: IndicatorUnit, value: number, locale: Locale): string =>
  bi(formatValue(unit, value), locale);

/** Integer cents as yuan: 123456 → ¥1,234.56. */
export const yuan = (cents: number | null | undefined): string => (cents == null ? '—' : formatCents(cents));

/** Points to two decimals, without trailing zeros: 87.5, 100, 64.33. */
export const pointsText = (x: number | null | undefined): string =>
  x == null ? '—' : String(Math.round(x * 100) / 100);

/** The number a person types for a stored value: a rate as a percentage, anything else as stored. */
export const typed = (unit: IndicatorUnit, stored: number): number => toDisplay(unit, stored);

export const STATE_COLOR: Readonly<Record<CycleState, string>> = {
  draft: 'default',
  collecting: 'processing',
  reviewing: 'blue',
  calibration: 'orange',
  finalised: 'green',
};

export const GRADE_COLOR: Readonly<Record<Grade, string>> = {
  S: 'magenta',
  A: 'green',
  B: 'blue',
  C: 'orange',
  D: 'red',
};
