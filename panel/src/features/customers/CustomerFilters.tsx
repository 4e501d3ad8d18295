import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { accountStages, accountStatuses } from "../../i18n/enums";
import { useI18n } from "../../i18n/i18n";
import { listSellers, type CustomerListQuery } from "./api";
import { Options } from "../../components/Options";

export type Filters = {
  search: string;
  status: string;
  stage: string;
  seller: string;
  testAccounts: NonNullable<CustomerListQuery["testAccounts"]>;
};

/**
 * The list's filters: search, status, stage, seller (a drop-down of the partner's sellers; free text for operators,
 * who see every partner's), test accounts. Typing settles before it searches.
 */
export function CustomerFilters({
  value,
  onChange,
  partnerId,
}: {
  value: Filters;
  onChange: (filters: Filters) => void;
  partnerId?: string;
}) {
  const { t } = useI18n();
  const sellers = useQuery({ queryKey: ["sellers", partnerId], queryFn: () => listSellers(partnerId!), enabled: !!partnerId });
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
          <Options values={accountStatuses} label={(s) => t(`status.${s}`)} />
        </select>
      </label>
      <label>
        {t("list.stage")}
        <select value={value.stage} onChange={(e) => onChange({ ...value, stage: e.target.value })}>
          <option value="">{t("list.any")}</option>
          <Options values={accountStages} label={(s) => t(`stage.${s}`)} />
        </select>
      </label>
      <label>
        {t("list.seller")}
        {partnerId ? (
          <select value={value.seller} onChange={(e) => onChange({ ...value, seller: e.target.value })}>
            <option value="">{t("list.any")}</option>
            {(sellers.data?.items ?? []).map((s) => (
              <option key={s.seller} value={s.seller}>
                {s.seller} ({s.customers})
              </option>
            ))}
          </select>
        ) : (
          <input value={value.seller} onChange={(e) => onChange({ ...value, seller: e.target.value })} />
        )}
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
