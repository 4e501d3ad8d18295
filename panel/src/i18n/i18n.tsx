import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import { de, en, type MessageKey } from "./messages";

const catalogs = { en, de } as const;
export type Language = keyof typeof catalogs;
export const languages: Language[] = ["en", "de"];

type I18n = {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  formatDate: (iso: string | null | undefined) => string;
};

const I18nContext = createContext<I18n | null>(null);

/** The user's language: their choice if they made one, else the browser's, else English. */
function initialLanguage(): Language {
  const chosen = localStorage.getItem("panel.language");
  if (chosen === "en" || chosen === "de") return chosen;
  return navigator.language.toLowerCase().startsWith("de") ? "de" : "en";
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const value = useMemo<I18n>(() => {
    const catalog = catalogs[language];
    const dates = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" });
    return {
      language,
      setLanguage: (next) => {
        localStorage.setItem("panel.language", next);
        document.documentElement.lang = next;
        setLanguageState(next);
      },
      t: (key, values) => (catalog[key] ?? en[key]).replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? `{${name}}`)),
      formatDate: (iso) => (iso ? dates.format(new Date(iso)) : ""),
    };
  }, [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
