import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { api, idempotencyKey, unwrap } from "../../api/client";
import { useSession } from "../../auth/session";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { ProblemMessage } from "../../components/ProblemMessage";
import { useI18n } from "../../i18n/i18n";
import type { Customer } from "./api";

/** "Log in as": with a reason, the panel acts as a customer admin of this account for up to 15 minutes. */
export function LoginAsSection({ customer }: { customer: Customer }) {
  const { t } = useI18n();
  const { startImpersonation } = useSession();
  const navigate = useNavigate();
  const [reason, setReason] = useState("");
  const [key] = useState(idempotencyKey);
  const start = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/customers/{id}/impersonation", {
          params: { path: { id: customer.id }, header: { "Idempotency-Key": key } },
          body: { reason },
        }),
      ),
    onSuccess: (answer) => {
      startImpersonation({ token: answer.token, accountId: answer.accountId, expiresAt: answer.expiresAt });
      navigate(`/customers/${answer.accountId}`);
    },
  });
  return (
    <form className="card inline" onSubmit={(e) => (e.preventDefault(), start.mutate())} aria-label={t("loginAs.start")}>
      <Field label={t("field.reason")} name="reason" error={start.error}>
        <input required value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <BusyButton type="submit" busy={start.isPending}>
        {t("loginAs.start")}
      </BusyButton>
      <ProblemMessage error={start.error} />
    </form>
  );
}
