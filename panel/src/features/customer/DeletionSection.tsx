import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { api, unwrap } from "../../api/client";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { PagedFooter, Table, usePaged } from "../../components/Paged";
import { ProblemMessage } from "../../components/ProblemMessage";
import { TypedConfirm } from "../../components/TypedConfirm";
import { useI18n } from "../../i18n/i18n";
import type { Customer } from "./api";

/**
 * Deletion: a customer admin requests it (products stop; the timer deletes after the grace period), the partner or an
 * operator cancels it with an optional note, or deletes at once after typing the id. Below, every request and its outcome.
 */
export function DeletionSection({ customer }: { customer: Customer }) {
  const { t, formatDate } = useI18n();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const path = { id: customer.id };
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const requestsKey = ["customer", customer.id, "deletion-requests"];
  const requests = usePaged(requestsKey, (continuationToken) =>
    unwrap(api.GET("/api/customers/{id}/deletion-requests", { params: { path, query: { continuationToken } } })),
  );
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["customer", customer.id] }),
      queryClient.invalidateQueries({ queryKey: requestsKey }),
    ]);
  const request = useMutation({
    mutationFn: () => unwrap(api.POST("/api/customers/{id}/deletion-request", { params: { path }, body: { reason: reason || null } })),
    onSuccess: refresh,
  });
  const cancel = useMutation({
    mutationFn: () => unwrap(api.POST("/api/customers/{id}/deletion-request/cancel", { params: { path }, body: { note: note || null } })),
    onSuccess: refresh,
  });
  const deleteNow = useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/customers/{id}", { params: { path, query: { confirm: customer.id } } })),
    onSuccess: () => (queryClient.invalidateQueries({ queryKey: ["customers"] }), navigate("/")),
  });
  const requested = customer.status === "deletionRequested";

  return (
    <div className="stack">
      {requested ? (
        <p className="notice" data-testid="deletion-state">
          {t("deletion.requested", { date: formatDate(customer.deletionDueAt) })}
        </p>
      ) : null}
      {!requested && customer.status !== "deleted" ? (
        <div className="card inline">
          <Field label={t("field.reason")} name="reason" error={request.error}>
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <BusyButton busy={request.isPending} onClick={() => request.mutate()}>
            {t("deletion.request")}
          </BusyButton>
        </div>
      ) : null}
      {requested ? (
        <div className="card inline">
          <Field label={t("field.note")} name="note" error={cancel.error}>
            <input value={note} onChange={(e) => setNote(e.target.value)} />
          </Field>
          <BusyButton busy={cancel.isPending} onClick={() => cancel.mutate()}>
            {t("deletion.cancel")}
          </BusyButton>
        </div>
      ) : null}
      {customer.status !== "deleted" ? (
        <TypedConfirm
          expected={customer.id}
          prompt={t("deletion.typeToConfirm", { id: customer.id })}
          action={t("deletion.deleteNow")}
          busy={deleteNow.isPending}
          onConfirm={() => deleteNow.mutate()}
        />
      ) : null}
      <ProblemMessage error={request.error ?? cancel.error ?? deleteNow.error} />
      <h3>{t("deletion.requests")}</h3>
      <Table
        head={[t("field.createdAt"), t("field.reason"), t("field.deletionDueAt"), t("field.status"), t("field.note")].map((h) => (
          <th key={h}>{h}</th>
        ))}
      >
        {requests.items.map((r) => (
          <tr key={r.id} data-testid="deletion-request-row">
            <td>{formatDate(r.requestedAt)}</td>
            <td>{r.reason}</td>
            <td>{formatDate(r.dueAt)}</td>
            <td>{t(`deletionOutcome.${r.outcome}`)}</td>
            <td>{r.note}</td>
          </tr>
        ))}
      </Table>
      <PagedFooter query={requests} />
    </div>
  );
}
