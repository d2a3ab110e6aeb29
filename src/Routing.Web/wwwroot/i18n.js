// The page's words come from the service's translation files (GET /i18n/<code>.json, one per language, English filling
// any key a language lacks); the list of languages is GET /i18n/languages.json, so a new file is a new language here
// without a change to this code. Route instructions, warnings and blockers come from the service in the same language.

let languages = [{ code: 'en', name: 'English', dir: 'ltr' }];
let texts = { page: {} };

let language = 'en';

/** The languages there are, each with its code, its own name and its direction. */
export async function loadLanguages() {
  const answer = await fetch('/i18n/languages.json');
  if (answer.ok) languages = await answer.json();
  return languages;
}

/** The first of the browser's languages there is a file for ("fr-CH" is fr), English otherwise; a stored choice is the caller's. */
export function browserLanguage() {
  for (const wanted of navigator.languages ?? [navigator.language]) {
    const code = wanted?.toLowerCase() ?? '';
    const found = languages.find(l => l.code === code) ?? languages.find(l => l.code === code.split('-')[0]);
    if (found) return found.code;
  }
  return 'en';
}

/** Loads the language's file and writes the page in it; a right-to-left language mirrors the page (dir="rtl"). */
export async function setLanguage(code) {
  const chosen = languages.find(l => l.code === code) ?? languages[0];
  const answer = await fetch(`/i18n/${chosen.code}.json`);
  if (!answer.ok) throw new Error(`${answer.status} /i18n/${chosen.code}.json`);
  texts = await answer.json();
  language = chosen.code;
  document.documentElement.lang = language;
  document.documentElement.dir = texts.meta.dir;
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of document.querySelectorAll('[data-i18n-aria-label]')) {
    element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel));
  }
  document.title = `${t('title')} – Heidelberg`;
}

export function currentLanguage() {
  return language;
}

/** The page's text for a key with {0}, {1} ... filled in; the key itself when there is no text (visible, never blank). */
export function t(key, ...args) {
  return fill(texts.page[key] ?? key, args);
}

/**
 * A word of another section of the file: a profile ("profile", "wheelchair"), a surface or smoothness by its OSM value,
 * a limit's label or its lift button ("constraint", "max_incline_down_pct.lift"); the key in plain letters if none.
 */
export function term(section, key, ...args) {
  return fill(texts[section]?.[key] ?? key.replaceAll('_', ' '), args);
}

function fill(text, args) {
  return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

/** A number in the language's notation (German decimal comma), always in Latin digits as the service writes them. */
export function number(value, digits = 0) {
  const locale = language === 'en' ? 'en-GB' : language;
  return value.toLocaleString(locale, { numberingSystem: 'latn', minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function distance(metres) {
  return metres >= 1000 ? t('km', number(metres / 1000, 1)) : t('m', number(Math.round(metres)));
}

export function duration(seconds) {
  const minutes = Math.max(1, Math.round(seconds / 60));
  return minutes < 60 ? t('min', minutes) : t('h', Math.floor(minutes / 60), minutes % 60);
}
