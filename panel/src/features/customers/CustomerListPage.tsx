import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { PagedFooter, Table, usePaged } from "../../components/Paged";
import { useI18n } from "../../i18n/i18n";
import type { AccountStatus } from "../../i18n/enums";
import { useCurrentAccount } from "../me/currentAccount";
import { useQuery } from "@tanstack/react-query";
import { countCustomers, listCustomers, type CustomerListQuery } from "./api";
import { CreateCustomerForm } from "./CreateCustomerForm";
import { CustomerFilters, type Filters } from "./CustomerFilters";
import { StatusBadge } from "./StatusBadge";

type SortKey = "name" | "id" | "seller" | "status" | "stage" | "createdAt";
const columns: SortKey[] = ["name", "id", "seller", "status", "stage", "createdAt"];

/** Customer Accounts: the partner's list, sorted, searched and filtered by the API, with its counts, paging and "New customer". */
export function CustomerListPage() {
  const { t, formatDate } = useI18n();
  const { partnerId } = useCurrentAccount();
  const [filters, setFilters] = useState<Filters>({ search: "", status: "", stage: "", seller: "", testAccounts: "exclude" });
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: "name", descending: false });
  const [creating, setCreating] = useState(false);

  const query: CustomerListQuery = {
    partnerId: partnerId ?? undefined,
    search: filters.search || undefined,
    status: filters.status || undefined,
    stage: filters.stage || undefined,
    seller: filters.seller || undefined,
    testAccounts: filters.testAccounts,
    sort: (sort.descending ? "-" : "") + sort.key,
  };
  const list = usePaged(["customers", query], (continuationToken) => listCustomers({ ...query, continuationToken }));
  const countQuery = { partnerId: partnerId ?? undefined, testAccounts: filters.testAccounts };
  const counts = useQuery({ queryKey: ["customers", "counts", countQuery], queryFn: () => countCustomers(countQuery) });
  const toggleSort = (key: SortKey) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }));

  return (
    <section>
      <header className="page-header">
        <h1>{t("nav.customers")}</h1>
        <OpenById />
        <button type="button" onClick={() => setCreating((c) => !c)}>
          {t("list.newCustomer")}
        </button>
      </header>
      {creating ? <CreateCustomerForm partnerId={partnerId} onDone={() => setCreating(false)} /> : null}
      <CustomerFilters value={filters} onChange={setFilters} partnerId={partnerId ?? undefined} />
      <p className="muted" data-testid="customer-counts">
        {counts.data
          ? [
              t("list.total", { n: counts.data.total }),
              ...Object.entries(counts.data.byStatus)
                .filter(([, n]) => n > 0)
                .map(([status, n]) => `${t(`status.${status as AccountStatus}`)} ${n}`),
            ].join(" · ")
          : null}{" "}
        · {t("list.loaded", { n: list.items.length })}
      </p>
      <Table
        head={columns.map((key) => (
          <th key={key} aria-sort={sort.key === key ? (sort.descending ? "descending" : "ascending") : "none"}>
            <button type="button" className="link" onClick={() => toggleSort(key)}>
              {t(`field.${key}`)} {sort.key === key ? (sort.descending ? "▼" : "▲") : ""}
            </button>
          </th>
        ))}
      >
        {list.items.map((c) => (
          <tr key={c.id} data-testid="customer-row">
            <td>
              <Link to={`/customers/${c.id}`}>{c.name}</Link>
              {c.isTestAccount ? <span className="tag">test</span> : null}
            </td>
            <td>{c.id}</td>
            <td>{c.seller}</td>
            <td>
              <StatusBadge status={c.status} />
            </td>
            <td>{c.stage ? t(`stage.${c.stage}`) : null}</td>
            <td>{formatDate(c.createdAt)}</td>
          </tr>
        ))}
      </Table>
      <PagedFooter query={list} />
    </section>
  );
}

function OpenById() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [id, setId] = useState("");
  return (
    <form className="inline" onSubmit={(e) => (e.preventDefault(), id && navigate(`/customers/${id.trim()}`))}>
      <input aria-label={t("list.open")} placeholder={t("list.open")} value={id} onChange={(e) => setId(e.target.value)} />
    </form>
  );
}
