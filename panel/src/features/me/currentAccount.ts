import { useState } from "react";
import { present } from "../../api/client";
import { useMe } from "./api";

const key = "panel.account";

/**
 * The account the user works in: one of their memberships, or (operators) none for the whole platform.
 * A partner account scopes the customer list and the partner screens.
 */
export function useCurrentAccount() {
  const { data: me } = useMe();
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(key));
  const memberships = present(me?.memberships);
  const current = memberships.find((m) => m.customerId === chosen) ?? (me?.isOperator ? undefined : memberships[0]);
  const setAccountId = (id: string) => {
    localStorage.setItem(key, id);
    setChosen(id);
  };
  return {
    accountId: current?.customerId ?? null,
    membership: current,
    partnerId: current?.kind === "partner" ? current.customerId : null,
    isOperator: me?.isOperator ?? false,
    setAccountId,
  };
}
