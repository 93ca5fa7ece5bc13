/** i18next set-up: zh-CN by default, en-US on request, the choice remembered in localStorage. */
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { enUS } from './en-US';
import { type Messages, zhCN } from './zh-CN';

export const LANGS = ['zh-CN', 'en-US'] as const;
export type Lang = (typeof LANGS)[number];
const STORAGE_KEY = 'kezhao.lang';

/** The page tables read through useMessages() (plain objects, typed by Messages) are left out of
 *  i18next's typed keys: it types every key path, and with them all `t()` hits TypeScript's
 *  instantiation-depth limit. `t()` keeps checking the shared keys (and 企业库's). */
type TypedMessages = Omit<
  Messages,
  | 'chains'
  | 'cultivation'
  | 'policies'
  | 'graph'
  | 'projects'
  | 'myWork'
  | 'projectReports'
  | 'evaluation'
  | 'evaluationSettings'
  | 'myReviews'
>;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: TypedMessages };
  }
}

function storedLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return saved === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: storedLang(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };

/** The current UI language, narrowed to the two we ship. */
export function currentLang(): Lang {
  return i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
}

export async function setLang(lang: Lang) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}

/** The whole message table of the current language, for lookups by a key that comes from data. */
export function useMessages(): Messages {
  const { i18n: inst } = useTranslation();
  return inst.language === 'en-US' ? enUS : zhCN;
}
