// The frame of every page: skip link, header with the site name, main navigation and the language
// switch (saved in localStorage; sets <html lang>), the main landmark and a footer.
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { initialLang, LANGS, saveLang, translate, type Lang } from '../i18n/i18n.ts';
import { I18nContext, useI18n, type I18n } from './i18n-context.ts';

const LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'English', es: 'Español' };

export function useLanguage(): I18n {
  const [lang, setLangState] = useState<Lang>(() => initialLang(safeStorage(), navigator.languages ?? [navigator.language]));
  // Layout effect: <html lang> changes in the same frame as the text, so assistive tech never reads
  // Spanish text with an English voice.
  useLayoutEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return useMemo(
    () => ({
      lang,
      t: (key, vars) => translate(lang, key, vars),
      setLang: (next: Lang) => {
        saveLang(safeStorage(), next);
        setLangState(next);
      },
    }),
    [lang],
  );
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div class="lang-switch" role="group" aria-label={t('nav.language')}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={l === lang} class={l === lang ? 'current' : ''} onClick={() => setLang(l)}>
          {LANG_NAMES[l]}
        </button>
      ))}
    </div>
  );
}

/** `wide`: the staff pages, whose tables and two-column console use a wide screen. */
export function Shell({ i18n, wide = false, children }: { readonly i18n: I18n; readonly wide?: boolean; readonly children: ComponentChildren }) {
  const { t } = i18n;
  return (
    <I18nContext.Provider value={i18n}>
      <a class="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header class="site-header">
        <a href="/" class="site-name">
          {t('app.name')}
        </a>
        <nav aria-label={t('nav.main')}>
          <ul>
            <li>
              <a href="/">{t('nav.home')}</a>
            </li>
            <li>
              <a href="/booth">{t('nav.vote')}</a>
            </li>
          </ul>
        </nav>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} class={wide ? 'wide' : undefined}>
        {children}
      </main>
      <footer class="site-footer">
        <p>{t('footer.text')}</p>
        <p>
          <a href="/staff">{t('footer.staff')}</a>
        </p>
      </footer>
    </I18nContext.Provider>
  );
}
