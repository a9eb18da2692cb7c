/**
 * The console's small typed i18n: a React context with the current locale, `t(key, vars)` for
 * messages and `label(kind, value)` for domain enums. Chinese is the default; the choice is kept
 * in localStorage (and on the server for signed-in people, see LocaleSwitch). antd's own
 * locale and dayjs follow the switch.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import antdZhCN from 'antd/locale/zh_CN';
import antdEnUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import zhCN from './zh-CN/index.ts';
import enUS from './en-US/index.ts';
import type { Dictionary, EnumLabels, Locale, MessageKey } from './types.ts';

export type { Locale, MessageKey } from './types.ts';

const DICTIONARIES: Record<Locale, Dictionary> = { 'zh-CN': zhCN, 'en-US': enUS };
const ANTD = { 'zh-CN': antdZhCN, 'en-US': antdEnUS } as const;
const DAYJS = { 'zh-CN': 'zh-cn', 'en-US': 'en' } as const;
const STORAGE_KEY = 'helmsman.locale';
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** the message for `key`, with `{name}` placeholders filled from `vars` */
  t: Translate;
  /** the label of a domain enum value, e.g. label('role', 'agent') → 专员 */
  label<K extends keyof EnumLabels>(kind: K, value: keyof EnumLabels[K]): string;
  /** an organisation unit's name in the current language (English name when there is one) */
  localName(unit: { name: string; nameEn?: string | null }): string;
}

const I18nContext = createContext<I18n | null>(null);

/** The locale chosen on this device, if any. */
export function storedLocale(): Locale | null {
  const v = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return v === 'zh-CN' || v === 'en-US' ? v : null;
}

function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => storedLocale() ?? DEFAULT_LOCALE);

  useEffect(() => {
    dayjs.locale(DAYJS[locale]);
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const dict = DICTIONARIES[locale];
    return {
      locale,
      setLocale,
      t: (key, vars) => format(dict.messages[key], vars),
      label: (kind, value) => (dict.enums[kind] as Record<string, string>)[value as string] ?? String(value),
      localName: (unit) => (locale === 'en-US' && unit.nameEn ? unit.nameEn : unit.name),
    };
  }, [locale, setLocale]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={ANTD[locale]}>{children}</ConfigProvider>
    </I18nContext.Provider>
  );
}

/** The current language and its translate functions. */
export function useT(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useT() outside <I18nProvider>');
  return ctx;
}
