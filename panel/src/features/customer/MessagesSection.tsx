import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, idempotencyKey, present, unwrap } from "../../api/client";
import type { components } from "../../api/schema";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { PagedFooter, usePaged } from "../../components/Paged";
import { MessageFields } from "../../components/MessageFields";
import { ProblemMessage } from "../../components/ProblemMessage";
import type { MessageMode } from "../../i18n/enums";
import { useI18n } from "../../i18n/i18n";
import type { Customer } from "./api";
import { Options } from "../../components/Options";

type Audience = components["schemas"]["MessageAudience"];
const audiences: Audience[] = ["everyone", "admins", "users"];

/** Notices to the customer's users, shown at their next login, with who acknowledged them. */
export function MessagesSection({ customer }: { customer: Customer }) {
  const { t, formatDate } = useI18n();
  const queryClient = useQueryClient();
  const path = { id: customer.id };
  const key = ["customer", customer.id, "messages"];
  const messages = usePaged(key, (continuationToken) =>
    unwrap(api.GET("/api/customers/{id}/messages", { params: { path, query: { continuationToken } } })),
  );
  const members = usePaged(["customer", customer.id, "members"], (continuationToken) =>
    unwrap(api.GET("/api/customers/{id}/members", { params: { path, query: { continuationToken } } })),
  );
  const [audience, setAudience] = useState<Audience>("everyone");
  const [sendKey, setSendKey] = useState(idempotencyKey);
  const send = useMutation({
    mutationFn: (form: FormData) =>
      unwrap(
        api.POST("/api/customers/{id}/messages", {
          params: { path, header: { "Idempotency-Key": sendKey } },
          body: {
            subject: form.get("subject") as string,
            body: form.get("body") as string,
            mode: form.get("mode") as MessageMode,
            audience: form.get("audience") as Audience,
            userIds: form.get("audience") === "users" ? (form.getAll("userIds") as string[]) : undefined,
          },
        }),
      ),
    onSuccess: () => (setSendKey(idempotencyKey()), queryClient.invalidateQueries({ queryKey: key })),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    send.mutate(new FormData(form), { onSuccess: () => (form.reset(), setAudience("everyone")) });
  };
  return (
    <div className="stack">
      <form className="card" onSubmit={submit} aria-label={t("messages.send")}>
        <MessageFields error={send.error} />
        <Field label={t("messages.audience")} name="audience" error={send.error}>
          <select value={audience} onChange={(e) => setAudience(e.target.value as Audience)}>
            <Options values={audiences} label={(a) => t(`messages.${a}`)} />
          </select>
        </Field>
        {audience === "users" ? (
          <Field label={t("messages.recipients")} name="userIds" error={send.error}>
            <select multiple required>
              {members.items.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name ?? m.email ?? m.userId}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <ProblemMessage error={send.error} />
        <BusyButton type="submit" busy={send.isPending}>
          {t("messages.send")}
        </BusyButton>
      </form>
      {messages.items.map((m) => (
        <article key={m.id} className="card">
          <h3>{m.subject}</h3>
          <p>{m.body}</p>
          <p className="muted">
            {formatDate(m.sentAt)} · {m.sentBy.name ?? m.sentBy.userId} ·{" "}
            {m.mode === "allMustRead" ? t("messages.allMustRead") : t("messages.singleRead")} · {t(`messages.${m.audience}`)}
          </p>
          {present(m.acknowledgements).length ? (
            <p className="muted">
              {t("messages.acknowledged")}:{" "}
              {present(m.acknowledgements)
                .map((a) => a.name ?? a.userId)
                .join(", ")}
            </p>
          ) : null}
        </article>
      ))}
      <PagedFooter query={messages} />
    </div>
  );
}
