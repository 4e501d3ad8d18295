import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { BusyButton } from "../../components/BusyButton";
import { PagedFooter, usePaged } from "../../components/Paged";
import { ProblemMessage } from "../../components/ProblemMessage";
import { useI18n } from "../../i18n/i18n";

/** Messages still to show this user at login, each acknowledged with one click. */
export function MyMessages() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const query = usePaged(["me", "messages"], (continuationToken) =>
    unwrap(api.GET("/api/me/messages", { params: { query: { continuationToken } } })),
  );
  const acknowledge = useMutation({
    mutationFn: ({ customerId, messageId }: { customerId: string; messageId: string }) =>
      unwrap(api.POST("/api/customers/{id}/messages/{messageId}/acknowledgement", { params: { path: { id: customerId, messageId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["me", "messages"] }),
  });
  if (query.items.length === 0) return null;
  return (
    <section className="my-messages" aria-label={t("me.messages")}>
      <h2>{t("me.messages")}</h2>
      {query.items.map((message) => (
        <article key={message.messageId} className="notice">
          <h3>{message.subject}</h3>
          <p>{message.body}</p>
          <BusyButton
            busy={acknowledge.isPending && acknowledge.variables.messageId === message.messageId}
            onClick={() => acknowledge.mutate({ customerId: message.accountId, messageId: message.messageId })}
          >
            {t("me.acknowledge")}
          </BusyButton>
        </article>
      ))}
      <ProblemMessage error={acknowledge.error} />
      <PagedFooter query={query} />
    </section>
  );
}
