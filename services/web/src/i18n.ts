import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const KEY = 'kinerja.language';

// Only the chosen language is downloaded (first-load budget, WEB.md).
const bundles: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  id: () => import('../locales/id.json'),
  en: () => import('../locales/en.json'),
};

/** The cookie the web server reads to render the home screen in the chosen language (server/serve.mjs). */
export const LANGUAGE_COOKIE = 'kinerja_language';

function stored(): Language {
  // A page the server rendered is in the language it names: the app hydrates it in that one.
  if (document.getElementById('root')?.hasAttribute('data-server-rendered')) return document.documentElement.lang === 'en' ? 'en' : 'id';
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

async function ensureLoaded(language: Language) {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  const { default: texts } = await bundles[language]();
  i18next.addResourceBundle(language, 'translation', texts);
}

/** Indonesian first (WEB.md); the choice is remembered on this device (it is not a secret). */
export async function initI18n(language: Language = stored()) {
  const { default: texts } = await bundles[language]();
  await i18next.use(initReactI18next).init({
    resources: { [language]: { translation: texts } },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false }, // React escapes; texts are never HTML
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function setLanguage(language: Language) {
  await ensureLoaded(language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  // Not a secret: the server renders the next home page in it; a year, like the device's memory of it.
  document.cookie = `${LANGUAGE_COOKIE}=${language}; path=/; max-age=31536000; samesite=lax`;
  try {
    localStorage.setItem(KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
}
