import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { api, unwrap } from "../../api/client";
import { BusyButton } from "../../components/BusyButton";
import { PagedFooter, Table, usePaged } from "../../components/Paged";
import { ProblemMessage } from "../../components/ProblemMessage";
import { useI18n } from "../../i18n/i18n";
import type { Customer } from "./api";
import { MemberEditor } from "./MemberEditor";

/** The customer's users: edit, role changes (the last admin stays, the API says why) and removal. */
export function MembersSection({ customer }: { customer: Customer }) {
  const { t, formatDate } = useI18n();
  const queryClient = useQueryClient();
  const key = ["customer", customer.id, "members"];
  const members = usePaged(key, (continuationToken) =>
    unwrap(api.GET("/api/customers/{id}/members", { params: { path: { id: customer.id }, query: { continuationToken } } })),
  );
  const admin = customer.kind === "partner" ? "partnerAdmin" : "customerAdmin";
  const employee = customer.kind === "partner" ? "partnerEmployee" : "customerEmployee";
  const [editing, setEditing] = useState<string | null>(null);
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: key });
  const setRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: typeof admin | typeof employee }) =>
      unwrap(api.PUT("/api/customers/{id}/members/{userId}/role", { params: { path: { id: customer.id, userId } }, body: { role } })),
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: (userId: string) =>
      unwrap(api.DELETE("/api/customers/{id}/members/{userId}", { params: { path: { id: customer.id, userId } } })),
    onSuccess,
  });
  return (
    <div className="stack">
      <ProblemMessage error={setRole.error ?? remove.error} />
      <Table
        head={[t("field.name"), t("field.email"), t("field.role"), t("field.createdAt"), ""].map((h, i) => (
          <th key={i}>{h}</th>
        ))}
      >
        {members.items.map((m) => (
          <Fragment key={m.userId}>
            <tr>
              <td>{m.name ?? m.userId}</td>
              <td>{m.email}</td>
              <td>{t(`role.${m.role}`)}</td>
              <td>{formatDate(m.addedAt)}</td>
              <td className="actions">
                <BusyButton
                  className="secondary"
                  busy={setRole.isPending && setRole.variables.userId === m.userId}
                  onClick={() => setRole.mutate({ userId: m.userId, role: m.role === admin ? employee : admin })}
                >
                  {m.role === admin ? t("users.makeEmployee") : t("users.makeAdmin")}
                </BusyButton>
                <button type="button" className="secondary" onClick={() => setEditing(m.userId)}>
                  {t("users.edit")}
                </button>
                <BusyButton
                  className="danger"
                  busy={remove.isPending && remove.variables === m.userId}
                  onClick={() => remove.mutate(m.userId)}
                >
                  {t("common.remove")}
                </BusyButton>
              </td>
            </tr>
            {editing === m.userId ? (
              <tr>
                <td colSpan={5}>
                  <MemberEditor customerId={customer.id} member={m} onDone={() => setEditing(null)} />
                </td>
              </tr>
            ) : null}
          </Fragment>
        ))}
      </Table>
      <PagedFooter query={members} />
    </div>
  );
}
