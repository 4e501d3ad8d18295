import { useEffect, useState } from "react";
import { useI18n } from "../../i18n/i18n";
import type { CustomerListQuery } from "./api";

export type Filters = { search: string; status: string; seller: string; testAccounts: NonNullable<CustomerListQuery["testAccounts"]> };

const statuses = ["pendingApproval", "active", "disabled", "deletionRequested", "deleted"];

/** The filters the list API takes today: search, status, seller, test accounts. Typing settles before it searches. */
export function CustomerFilters({ value, onChange }: { value: Filters; onChange: (filters: Filters) => void }) {
  const { t } = useI18n();
  const [search, setSearch] = useState(value.search);
  useEffect(() => {
    const timer = setTimeout(() => search !== value.search && onChange({ ...value, search }), 300);
    return () => clearTimeout(timer);
  }, [search, value, onChange]);
  return (
    <div className="filters">
      <input
        type="search"
        aria-label={t("list.search")}
        placeholder={t("list.search")}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <label>
        {t("list.status")}
        <select value={value.status} onChange={(e) => onChange({ ...value, status: e.target.value })}>
          <option value="">{t("list.any")}</option>
          {statuses.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label>
        {t("list.seller")}
        <input value={value.seller} onChange={(e) => onChange({ ...value, seller: e.target.value })} />
      </label>
      <label>
        {t("list.testAccounts")}
        <select
          value={value.testAccounts}
          onChange={(e) => onChange({ ...value, testAccounts: e.target.value as Filters["testAccounts"] })}
        >
          {(["exclude", "include", "only"] as const).map((mode) => (
            <option key={mode} value={mode}>
              {t(`list.testAccounts.${mode}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
