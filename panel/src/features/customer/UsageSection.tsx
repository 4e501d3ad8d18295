import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, download, present, unwrap } from "../../api/client";
import { BusyButton } from "../../components/BusyButton";
import { BarChart, type BarChartData } from "../../components/BarChart";
import { ProblemMessage } from "../../components/ProblemMessage";
import { Table } from "../../components/Paged";
import { useI18n } from "../../i18n/i18n";
import type { Customer } from "./api";

type GroupBy = "project" | "product";

const fetchReport = (id: string, from: string, to: string, groupBy: GroupBy) =>
  unwrap(api.GET("/api/customers/{id}/usage-report", { params: { path: { id }, query: { from, to, groupBy } } }));

/** The last `count` calendar months (UTC), oldest first, each as [from, to). */
function lastMonths(count: number) {
  const now = new Date();
  return Array.from({ length: count }, (_, i) => {
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (count - 1 - i), 1));
    const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
    return { label: from.toISOString().slice(0, 7), from: from.toISOString(), to: to.toISOString() };
  });
}

/** Usage by project (or product) and month: the report API once per month, drawn as stacked bars, and as CSV. */
export function UsageSection({ customer }: { customer: Customer }) {
  const { t } = useI18n();
  const [groupBy, setGroupBy] = useState<GroupBy>("project");
  const months = lastMonths(6);
  const path = { id: customer.id };
  const report = useQuery({
    queryKey: ["customer", customer.id, "usage", groupBy, months[0].from],
    queryFn: () => Promise.all(months.map((month) => fetchReport(customer.id, month.from, month.to, groupBy))),
  });
  const chart = report.data
    ? toChart(
        months.map((m) => m.label),
        report.data,
        groupBy,
      )
    : null;
  const downloadCsv = useMutation({
    mutationFn: () =>
      download(
        api.GET("/api/customers/{id}/usage-report", {
          params: { path, query: { from: months[0].from, to: months[months.length - 1].to, groupBy } },
          headers: { Accept: "text/csv" },
          parseAs: "stream",
        }),
        `${customer.id}-usage.csv`,
      ),
  });

  return (
    <div className="stack">
      <div className="filters">
        <label>
          {t("usage.groupBy")}
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
            <option value="project">{t("customer.tabs.projects")}</option>
            <option value="product">{t("customer.tabs.products")}</option>
          </select>
        </label>
        <BusyButton className="secondary" busy={downloadCsv.isPending} onClick={() => downloadCsv.mutate()}>
          {t("usage.download")}
        </BusyButton>
      </div>
      <ProblemMessage error={report.error ?? downloadCsv.error} />
      {report.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {chart && chart.series.length === 0 ? <p className="muted">{t("usage.empty")}</p> : null}
      {chart && chart.series.length > 0 ? (
        <>
          <BarChart data={chart} title={t("usage.title")} />
          <Table head={[<th key="s">{groupBy}</th>, ...chart.categories.map((c) => <th key={c}>{c}</th>)]}>
            {chart.series.map((s) => (
              <tr key={s.name} data-testid="usage-row">
                <td>{s.name}</td>
                {s.values.map((v, i) => (
                  <td key={i}>{v.toLocaleString()}</td>
                ))}
              </tr>
            ))}
          </Table>
        </>
      ) : null}
    </div>
  );
}

type Report = Awaited<ReturnType<typeof fetchReport>>;

function toChart(categories: string[], reports: Report[], groupBy: GroupBy): BarChartData {
  const series = new Map<string, number[]>();
  reports.forEach((report, month) =>
    present(report.items).forEach((item) => {
      const name = `${(groupBy === "project" ? (item.projectName ?? item.projectId) : item.product) ?? "—"} (${item.unit})`;
      const values = series.get(name) ?? categories.map(() => 0);
      values[month] += item.quantity;
      series.set(name, values);
    }),
  );
  return { categories, series: [...series].map(([name, values]) => ({ name, values })) };
}
