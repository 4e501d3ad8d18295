import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { de, en, type MessageKey } from "./messages";

const catalogs = { en, de } as const;
export type Language = keyof typeof catalogs;
export const languages: Language[] = ["en", "de"];
const chosenKey = "panel.language";

type I18n = {
  language: Language;
  /** The user's explicit choice (the language switcher); it wins over their account's language from then on. */
  setLanguage: (language: Language) => void;
  /** The language the user reads in their current account (/api/me), used unless they chose one explicitly. */
  followAccountLanguage: (language: string | null | undefined) => void;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  formatDate: (iso: string | null | undefined) => string;
};

const I18nContext = createContext<I18n | null>(null);

const known = (value: string | null | undefined): Language | null => (value === "en" || value === "de" ? value : null);
const browserLanguage = (): Language => (navigator.language.toLowerCase().startsWith("de") ? "de" : "en");

/**
 * The user's language: their explicit choice in the switcher, else their current account's (their own language in that
 * membership, else the account's), else the browser's, else English.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [chosen, setChosen] = useState<Language | null>(() => known(localStorage.getItem(chosenKey)));
  const [account, setAccount] = useState<Language | null>(null);
  const language = chosen ?? account ?? browserLanguage();
  const followAccountLanguage = useCallback((next: string | null | undefined) => setAccount(known(next)), []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(() => {
    const catalog = catalogs[language];
    const dates = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" });
    return {
      language,
      setLanguage: (next) => {
        localStorage.setItem(chosenKey, next);
        setChosen(next);
      },
      followAccountLanguage,
      t: (key, values) => (catalog[key] ?? en[key]).replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? `{${name}}`)),
      formatDate: (iso) => (iso ? dates.format(new Date(iso)) : ""),
    };
  }, [language, followAccountLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
