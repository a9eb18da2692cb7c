/** The language switch shown on every page, and keeping the account's language in step. */
import { useEffect, useRef } from 'react';
import { Segmented } from 'antd';
import type { Me } from '../../server/modules/auth/auth.schema.ts';
import { useMe, useSaveLocale } from '../api/auth.ts';
import { storedLocale, useT, type Locale } from '../locales/index.tsx';

const OPTIONS: { value: Locale; label: string }[] = [
  // each language names itself, so the switch is readable whichever is active
  { value: 'zh-CN', label: '中文' },
  { value: 'en-US', label: 'English' },
];

export function LocaleSwitch() {
  const { locale, setLocale, t } = useT();
  const me = useMe().data;
  const save = useSaveLocale();
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('header.language')}
      options={OPTIONS}
      value={locale}
      onChange={(next) => {
        setLocale(next);
        if (me) save.mutate({ locale: next });
      }}
    />
  );
}

/**
 * After sign-in: a language chosen on this device wins and is saved to the account; with no
 * choice on this device, the account's language is used.
 */
export function useLocaleSync(me: Me | null | undefined) {
  const { locale, setLocale } = useT();
  const save = useSaveLocale();
  const synced = useRef<string | null>(null);
  useEffect(() => {
    if (!me || synced.current === me.id) return;
    synced.current = me.id;
    const chosen = storedLocale();
    if (!chosen) setLocale(me.locale);
    else if (chosen !== me.locale) save.mutate({ locale: chosen });
  }, [me, locale, setLocale, save]);
}
