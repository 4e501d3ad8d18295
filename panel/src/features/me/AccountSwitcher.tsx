import { useNavigate } from "react-router-dom";
import { present } from "../../api/client";
import { useI18n } from "../../i18n/i18n";
import { useCurrentAccount } from "./currentAccount";
import { useMe } from "./api";

/** The accounts the user belongs to (from /api/me); a partner opens its customer list, a customer its own page. */
export function AccountSwitcher() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const { accountId, setAccountId } = useCurrentAccount();
  const navigate = useNavigate();
  if (!me) return null;
  const choose = (id: string) => {
    setAccountId(id);
    const membership = present(me.memberships).find((m) => m.customerId === id);
    navigate(membership && membership.kind === "customer" ? `/customers/${id}` : "/");
  };
  return (
    <label className="switcher">
      {t("account.switch")}
      <select value={accountId ?? ""} onChange={(e) => choose(e.target.value)} data-testid="account-switcher">
        {me.isOperator ? <option value="">{t("account.allAccounts")}</option> : null}
        {present(me.memberships).map((m) => (
          <option key={m.customerId} value={m.customerId}>
            {m.name ?? m.customerId} ({t(`role.${m.role}`)})
          </option>
        ))}
      </select>
    </label>
  );
}
