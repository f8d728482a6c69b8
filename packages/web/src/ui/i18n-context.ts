// The language context of the pages: current language, the translate function and the switch.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { translate, type Lang, type Translate } from '../i18n/i18n.ts';

export type I18n = { readonly lang: Lang; readonly t: Translate; readonly setLang: (lang: Lang) => void };

export const I18nContext = createContext<I18n>({ lang: 'en', t: (key, vars) => translate('en', key, vars), setLang: () => undefined });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
