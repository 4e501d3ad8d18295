import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, idempotencyKey, unwrap } from "../../api/client";
import type { components } from "../../api/schema";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { MessageFields } from "../../components/MessageFields";
import { ProblemMessage } from "../../components/ProblemMessage";
import type { MessageMode } from "../../i18n/enums";
import { useI18n } from "../../i18n/i18n";
import { Options } from "../../components/Options";

type Audience = components["schemas"]["MessageAudience"];
/** A partner-wide message goes to everyone or to the admins of each customer; naming users is per customer. */
const audiences: Audience[] = ["everyone", "admins"];

/** One notice to the users of every customer the partner manages; the server fans it out in the background (202). */
export function PartnerMessagePage({ partnerId }: { partnerId: string }) {
  const { t, formatDate } = useI18n();
  // One key per message, so a retried click after a lost answer does not send it twice.
  const [sendKey, setSendKey] = useState(idempotencyKey);
  const send = useMutation({
    mutationFn: (form: FormData) =>
      unwrap(
        api.POST("/api/partners/{partnerId}/messages", {
          params: { path: { partnerId }, header: { "Idempotency-Key": sendKey } },
          body: {
            subject: form.get("subject") as string,
            body: form.get("body") as string,
            mode: form.get("mode") as MessageMode,
            audience: form.get("audience") as Audience,
          },
        }),
      ),
    onSuccess: () => setSendKey(idempotencyKey()),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    send.mutate(new FormData(form), { onSuccess: () => form.reset() });
  };
  return (
    <form className="card narrow" onSubmit={submit} aria-label={t("partnerMessage.title")}>
      <h1>{t("partnerMessage.title")}</h1>
      <p className="muted">{t("partnerMessage.explain")}</p>
      <MessageFields error={send.error} rows={4} />
      <Field label={t("messages.audience")} name="audience" error={send.error}>
        <select defaultValue="everyone">
          <Options values={audiences} label={(a) => t(`messages.${a}`)} />
        </select>
      </Field>
      <ProblemMessage error={send.error} />
      {send.data ? (
        <p className="ok" role="status">
          {t("partnerMessage.accepted")} ({formatDate(send.data.sentAt)})
        </p>
      ) : null}
      <BusyButton type="submit" busy={send.isPending}>
        {t("messages.send")}
      </BusyButton>
    </form>
  );
}
