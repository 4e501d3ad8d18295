import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router-dom";
import { api, unwrap } from "../../api/client";
import { BusyButton } from "../../components/BusyButton";
import { PagedFooter, Table, usePaged } from "../../components/Paged";
import { ProblemMessage } from "../../components/ProblemMessage";
import { useI18n } from "../../i18n/i18n";

/** Registrations waiting for approval (the customer list filtered by status): approve, or reject with a reason. */
export function RegistrationsPage({ partnerId }: { partnerId: string | null }) {
  const { t, formatDate } = useI18n();
  const queryClient = useQueryClient();
  const query = { partnerId: partnerId ?? undefined, status: "pendingApproval", testAccounts: "include" };
  const key = ["customers", query];
  const pending = usePaged(key, (continuationToken) =>
    unwrap(api.GET("/api/customers", { params: { query: { ...query, continuationToken } } })),
  );
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: ["customers"] });
  const approve = useMutation({
    mutationFn: (id: string) => unwrap(api.POST("/api/customers/{id}/approval", { params: { path: { id } } })),
    onSuccess,
  });
  const reject = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST("/api/customers/{id}/rejection", { params: { path: { id } }, body: { reason: reasons[id] || null } })),
    onSuccess,
  });
  return (
    <section className="stack">
      <h1>{t("nav.registrations")}</h1>
      <ProblemMessage error={approve.error ?? reject.error} />
      <Table
        head={[t("field.name"), t("field.companyEmail"), t("field.createdAt"), t("field.reason"), ""].map((h, i) => (
          <th key={i}>{h}</th>
        ))}
      >
        {pending.items.map((c) => (
          <tr key={c.id}>
            <td>
              <Link to={`/customers/${c.id}`}>{c.name}</Link> <small>{c.id}</small>
            </td>
            <td>{c.companyEmail}</td>
            <td>{formatDate(c.createdAt)}</td>
            <td>
              <input
                aria-label={t("field.reason")}
                value={reasons[c.id] ?? ""}
                onChange={(e) => setReasons({ ...reasons, [c.id]: e.target.value })}
              />
            </td>
            <td className="actions">
              <BusyButton busy={approve.isPending && approve.variables === c.id} onClick={() => approve.mutate(c.id)}>
                {t("registrations.approve")}
              </BusyButton>
              <BusyButton className="danger" busy={reject.isPending && reject.variables === c.id} onClick={() => reject.mutate(c.id)}>
                {t("registrations.reject")}
              </BusyButton>
            </td>
          </tr>
        ))}
      </Table>
      <PagedFooter query={pending} />
    </section>
  );
}
