/** How alerts and inspection findings read in the console: labels, colours and one-line summaries. */
import type { BannedCategory } from '../../../../domain/qa/text/index.ts';
import type { AlertOut, AlertOutcome, AlertStatus } from '../../../../server/modules/qa/qa.alerts.schema.ts';
import type { Locale, MessageKey, Translate } from '../../../locales/index.tsx';

type Kind = AlertOut['kind'];

const KIND: Record<Kind, MessageKey> = {
  negative_share: 'qaInspection.kind.negative_share',
  banned_word: 'qaInspection.kind.banned_word',
  long_wait: 'qaInspection.kind.long_wait',
};
const STATUS: Record<AlertStatus, MessageKey> = {
  open: 'qaInspection.status.open',
  acknowledged: 'qaInspection.status.acknowledged',
  resolved: 'qaInspection.status.resolved',
};
const OUTCOME: Record<AlertOutcome, MessageKey> = {
  intervened: 'qaInspection.outcome.intervened',
  bad_review_avoided: 'qaInspection.outcome.bad_review_avoided',
  bad_review_not_avoided: 'qaInspection.outcome.bad_review_not_avoided',
};
const CATEGORY: Record<BannedCategory, MessageKey> = {
  rude: 'qaInspection.category.rude',
  promise: 'qaInspection.category.promise',
  privacy: 'qaInspection.category.privacy',
  off_platform: 'qaInspection.category.off_platform',
};
const PRIVACY: Record<string, MessageKey> = {
  phone: 'qaInspection.privacy.phone',
  id_number: 'qaInspection.privacy.id_number',
  address: 'qaInspection.privacy.address',
  bank_card: 'qaInspection.privacy.bank_card',
  contact: 'qaInspection.privacy.contact',
};

/** The label key of an alert kind. */
export const alertKindKey = (k: Kind): MessageKey => KIND[k];
/** The label key of an alert status. */
export const alertStatusKey = (s: AlertStatus): MessageKey => STATUS[s];
/** The label key of an outcome. */
export const outcomeKey = (o: AlertOutcome): MessageKey => OUTCOME[o];
/** The label key of a banned-word category. */
export const categoryKey = (c: BannedCategory): MessageKey => CATEGORY[c];

export const ALERT_KIND_COLOR: Record<Kind, string> = {
  banned_word: 'red',
  negative_share: 'orange',
  long_wait: 'gold',
};
export const ALERT_STATUS_COLOR: Record<AlertStatus, string> = {
  open: 'red',
  acknowledged: 'blue',
  resolved: 'green',
};

const percents = new Map<string, Intl.NumberFormat>();
/** 0.0312 → 3.1% */
export function percent(x: number, locale: Locale): string {
  let f = percents.get(locale);
  if (!f) percents.set(locale, (f = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })));
  return f.format(x);
}

/** What raised the alert, in one line: the words hit, the share against its threshold, the wait. */
export function alertSummary(a: AlertOut, t: Translate, locale: Locale): string {
  const d = a.detail;
  switch (a.kind) {
    case 'banned_word': {
      const words = (d.words ?? []).map((w) => (PRIVACY[w] ? t(PRIVACY[w]) : w)).join('、');
      const cats = (d.categories ?? []).map((c) => t(CATEGORY[c])).join('、');
      return t('qaInspection.detail.words', { categories: cats, words });
    }
    case 'negative_share':
      return t('qaInspection.detail.share', {
        share: percent(d.negativeShare ?? 0, locale),
        threshold: percent(d.threshold ?? 0, locale),
      });
    case 'long_wait':
      return t(d.answered ? 'qaInspection.detail.waited' : 'qaInspection.detail.waiting', {
        minutes: Math.round((d.waitS ?? 0) / 6) / 10,
      });
  }
}
