/**
 * The metric catalogue as the console shows it: names and definitions in the current language,
 * with the settings in force. Definitions and settings come from the server (so the tooltip says
 * what the figures were computed with); until they arrive, the built-in catalogue and the
 * default settings give the column names.
 */
import { useMemo } from 'react';
import { METRIC_DEFINITIONS, type MetricKey, type SettingKey } from '../../../../domain/metrics/catalogue.ts';
import { DEFAULT_METRIC_SETTINGS } from '../../../../domain/metrics/settings.ts';
import type { MetricSettingsT } from '../../../../server/modules/kpi/kpi.schema.ts';
import { useKpiDefinitions } from '../../../api/kpi.ts';
import { useT } from '../../../locales/index.tsx';
import { formatSetting } from './format.ts';

type Definition = (typeof METRIC_DEFINITIONS)[MetricKey];

export interface Metrics {
  /** the server's definitions have arrived */
  ready: boolean;
  settings: MetricSettingsT;
  definition(key: MetricKey): Definition;
  name(key: MetricKey): string;
  /** the definition sentence in the current language */
  describe(key: MetricKey): string;
  /** the settings shaping the metric with their current values */
  shapedBy(key: MetricKey): string[];
}

const DEFAULTS: MetricSettingsT = {
  ...DEFAULT_METRIC_SETTINGS,
  serviceHours: { ...DEFAULT_METRIC_SETTINGS.serviceHours },
  closedDays: [...DEFAULT_METRIC_SETTINGS.closedDays],
};

/** The server names settings as strings; only the ones this console knows how to show are listed. */
const isSettingKey = (s: string): s is SettingKey => s in DEFAULTS;

/** Names, definitions and shaping settings of every metric, in the current language. */
export function useMetrics(): Metrics {
  const i18n = useT();
  const defs = useKpiDefinitions();
  return useMemo(() => {
    const { locale } = i18n;
    const settings = defs.data?.settings ?? DEFAULTS;
    const definition = (key: MetricKey): Definition => {
      const d = defs.data?.definitions[key];
      return d ? { ...d, settings: d.settings.filter(isSettingKey) } : METRIC_DEFINITIONS[key];
    };
    return {
      ready: Boolean(defs.data),
      settings,
      definition,
      name: (key) => (locale === 'en-US' ? definition(key).nameEn : definition(key).nameZh),
      describe: (key) => (locale === 'en-US' ? definition(key).definitionEn : definition(key).definitionZh),
      shapedBy: (key) => definition(key).settings.map((s) => formatSetting(s, settings, i18n)),
    };
  }, [defs.data, i18n]);
}
