import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { present } from "../../api/client";
import { useI18n } from "../../i18n/i18n";
import { useMe, type Membership } from "./api";

const key = "panel.account";

type CurrentAccount = {
  accountId: string | null;
  membership: Membership | undefined;
  partnerId: string | null;
  isOperator: boolean;
  setAccountId: (id: string) => void;
};

const CurrentAccountContext = createContext<CurrentAccount | null>(null);

/**
 * The account the user works in: one of their memberships, or (operators) none for the whole platform. One choice for
 * the whole panel (kept in localStorage across reloads): the switcher, the nav, the list and the partner screens follow it,
 * and so does the panel's language unless the user chose one.
 */
export function CurrentAccountProvider({ children }: { children: ReactNode }) {
  const { data: me } = useMe();
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(key));
  const setAccountId = useCallback((id: string) => {
    localStorage.setItem(key, id);
    setChosen(id);
  }, []);
  const value = useMemo<CurrentAccount>(() => {
    const memberships = present(me?.memberships);
    const current = memberships.find((m) => m.customerId === chosen) ?? (me?.isOperator ? undefined : memberships[0]);
    return {
      accountId: current?.customerId ?? null,
      membership: current,
      partnerId: current?.kind === "partner" ? current.customerId : null,
      isOperator: me?.isOperator ?? false,
      setAccountId,
    };
  }, [me, chosen, setAccountId]);
  const { followAccountLanguage } = useI18n();
  const language = value.membership?.language;
  useEffect(() => followAccountLanguage(language), [followAccountLanguage, language]);
  return <CurrentAccountContext.Provider value={value}>{children}</CurrentAccountContext.Provider>;
}

export function useCurrentAccount(): CurrentAccount {
  const value = useContext(CurrentAccountContext);
  if (!value) throw new Error("useCurrentAccount outside CurrentAccountProvider");
  return value;
}
