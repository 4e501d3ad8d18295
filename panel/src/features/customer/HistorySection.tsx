import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { api, download, present, unwrap } from "../../api/client";
import { BusyButton } from "../../components/BusyButton";
import { PagedFooter, Table, usePaged } from "../../components/Paged";
import { ProblemMessage } from "../../components/ProblemMessage";
import { useI18n } from "../../i18n/i18n";
import type { Customer } from "./api";

/** The account's events, newest first, filtered by type and period, and exported as CSV. */
export function HistorySection({ customer }: { customer: Customer }) {
  const { t, formatDate } = useI18n();
  const [filters, setFilters] = useState({ type: "", from: "", to: "" });
  const query = {
    type: filters.type || undefined,
    from: filters.from ? new Date(filters.from).toISOString() : undefined,
    to: filters.to ? new Date(filters.to).toISOString() : undefined,
  };
  const path = { id: customer.id };
  const history = usePaged(["customer", customer.id, "history", query], (continuationToken) =>
    unwrap(api.GET("/api/customers/{id}/history", { params: { path, query: { ...query, continuationToken } } })),
  );
  const exportCsv = useMutation({
    mutationFn: () =>
      download(
        api.GET("/api/customers/{id}/history", { params: { path, query }, headers: { Accept: "text/csv" }, parseAs: "stream" }),
        `${customer.id}-history.csv`,
      ),
  });

  return (
    <div className="stack">
      <div className="filters">
        <label>
          {t("field.type")}
          <input value={filters.type} onChange={(e) => setFilters({ ...filters, type: e.target.value })} placeholder="CUSTOMER_UPDATED" />
        </label>
        <label>
          {t("field.from")}
          <input type="date" value={filters.from} onChange={(e) => setFilters({ ...filters, from: e.target.value })} />
        </label>
        <label>
          {t("field.to")}
          <input type="date" value={filters.to} onChange={(e) => setFilters({ ...filters, to: e.target.value })} />
        </label>
        <BusyButton className="secondary" busy={exportCsv.isPending} onClick={() => exportCsv.mutate()}>
          {t("common.exportCsv")}
        </BusyButton>
      </div>
      <ProblemMessage error={exportCsv.error} />
      <Table
        head={[t("field.createdAt"), t("field.type"), t("history.actor"), t("history.changes")].map((h) => (
          <th key={h}>{h}</th>
        ))}
      >
        {history.items.map((event) => (
          <tr key={event.id} data-testid="history-row">
            <td>{formatDate(event.at)}</td>
            <td>{event.type}</td>
            <td>
              {event.actor.userId}
              {event.actor.impersonatedBy ? ` (${event.actor.impersonatedBy})` : ""}
            </td>
            <td>
              {present(event.changes).map((c) => (
                <div key={c.field}>
                  {c.field}: {JSON.stringify(c.from)} → {JSON.stringify(c.to)}
                </div>
              ))}
            </td>
          </tr>
        ))}
      </Table>
      <PagedFooter query={history} />
    </div>
  );
}
