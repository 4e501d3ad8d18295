import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, idempotencyKey, unwrap } from "../../api/client";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { PagedFooter, Table, usePaged } from "../../components/Paged";
import { ProblemMessage } from "../../components/ProblemMessage";
import { useI18n } from "../../i18n/i18n";
import type { Customer } from "./api";

/** Pending invitations (resend, cancel) and the invite form. */
export function InvitationsSection({ customer }: { customer: Customer }) {
  const { t, formatDate } = useI18n();
  const queryClient = useQueryClient();
  const key = ["customer", customer.id, "invitations"];
  const path = { id: customer.id };
  const invitations = usePaged(key, (continuationToken) =>
    unwrap(api.GET("/api/customers/{id}/invitations", { params: { path, query: { continuationToken } } })),
  );
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: key });
  const [inviteKey, setInviteKey] = useState(idempotencyKey);
  const admin = customer.kind === "partner" ? "partnerAdmin" : "customerAdmin";
  const employee = customer.kind === "partner" ? "partnerEmployee" : "customerEmployee";

  const invite = useMutation({
    mutationFn: (form: FormData) =>
      unwrap(
        api.POST("/api/customers/{id}/invitations", {
          params: { path, header: { "Idempotency-Key": inviteKey } },
          body: {
            email: form.get("email") as string,
            fullName: form.get("fullName") as string,
            role: form.get("role") as typeof admin,
          },
        }),
      ),
    onSuccess: () => (setInviteKey(idempotencyKey()), onSuccess()),
  });
  const resend = useMutation({
    mutationFn: (invitationId: string) =>
      unwrap(api.POST("/api/customers/{id}/invitations/{invitationId}/resend", { params: { path: { ...path, invitationId } } })),
    onSuccess,
  });
  const cancel = useMutation({
    mutationFn: (invitationId: string) =>
      unwrap(api.DELETE("/api/customers/{id}/invitations/{invitationId}", { params: { path: { ...path, invitationId } } })),
    onSuccess,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    invite.mutate(new FormData(form), { onSuccess: () => form.reset() });
  };

  return (
    <div className="stack">
      <form className="card inline" onSubmit={submit} aria-label={t("invitations.invite")}>
        <Field label={t("field.email")} name="email" error={invite.error}>
          <input type="email" required />
        </Field>
        <Field label={t("field.fullName")} name="fullName" error={invite.error}>
          <input required />
        </Field>
        <Field label={t("field.role")} name="role" error={invite.error}>
          <select defaultValue={employee}>
            <option value={employee}>{t(`role.${employee}`)}</option>
            <option value={admin}>{t(`role.${admin}`)}</option>
          </select>
        </Field>
        <BusyButton type="submit" busy={invite.isPending}>
          {t("invitations.invite")}
        </BusyButton>
      </form>
      {invite.isSuccess ? <p className="ok">{t("invitations.sent", { email: invite.data.email })}</p> : null}
      <ProblemMessage error={invite.error ?? resend.error ?? cancel.error} />
      <Table
        head={[t("field.email"), t("field.fullName"), t("field.role"), t("field.expiresAt"), ""].map((h, i) => (
          <th key={i}>{h}</th>
        ))}
      >
        {invitations.items.map((invitation) => (
          <tr key={invitation.id} data-testid="invitation-row">
            <td>{invitation.email}</td>
            <td>{invitation.fullName}</td>
            <td>{t(`role.${invitation.role}`)}</td>
            <td>{formatDate(invitation.expiresAt)}</td>
            <td className="actions">
              <BusyButton
                className="secondary"
                busy={resend.isPending && resend.variables === invitation.id}
                onClick={() => resend.mutate(invitation.id)}
              >
                {t("invitations.resend")}
              </BusyButton>
              <BusyButton
                className="danger"
                busy={cancel.isPending && cancel.variables === invitation.id}
                onClick={() => cancel.mutate(invitation.id)}
              >
                {t("invitations.cancel")}
              </BusyButton>
            </td>
          </tr>
        ))}
      </Table>
      <PagedFooter query={invitations} />
    </div>
  );
}
