import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, idempotencyKey, unwrap } from "../../api/client";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { PagedFooter, Table, usePaged } from "../../components/Paged";
import { ProblemMessage } from "../../components/ProblemMessage";
import { useI18n } from "../../i18n/i18n";

/** The date `days` from today, as a date input takes it. */
const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Invitation links a partner hands out so customers can register themselves under it: create, copy, revoke. The link
 * (with its token) comes with the answer to its creation; rows carry it where the API lists it.
 */
export function InvitationLinksPage({ partnerId }: { partnerId: string }) {
  const { t, formatDate } = useI18n();
  const queryClient = useQueryClient();
  const path = { partnerId };
  const key = ["partner", partnerId, "invitation-links"];
  const links = usePaged(key, (continuationToken) =>
    unwrap(api.GET("/api/partners/{partnerId}/invitation-links", { params: { path, query: { continuationToken } } })),
  );
  const [createKey, setCreateKey] = useState(idempotencyKey);
  const [copied, setCopied] = useState<string | null>(null);
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: key });
  const create = useMutation({
    mutationFn: (form: FormData) =>
      unwrap(
        api.POST("/api/partners/{partnerId}/invitation-links", {
          params: { path, header: { "Idempotency-Key": createKey } },
          body: {
            expiresAt: new Date(form.get("expiresAt") as string).toISOString(),
            maxUses: form.get("maxUses") ? Number(form.get("maxUses")) : null,
          },
        }),
      ),
    onSuccess: () => (setCreateKey(idempotencyKey()), onSuccess()),
  });
  const revoke = useMutation({
    mutationFn: (linkId: string) =>
      unwrap(api.DELETE("/api/partners/{partnerId}/invitation-links/{linkId}", { params: { path: { partnerId, linkId } } })),
    onSuccess,
  });
  const [fallback, setFallback] = useState<string | null>(null);
  /** Copies with the clipboard API; where it is missing or refused, shows the link in a field to copy by hand. */
  const copy = async (id: string, url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(id);
      setFallback(null);
    } catch {
      setFallback(url);
    }
  };
  const submit = (event: FormEvent<HTMLFormElement>) => (event.preventDefault(), create.mutate(new FormData(event.currentTarget)));

  return (
    <section className="stack">
      <h1>{t("nav.invitationLinks")}</h1>
      <form className="card inline" onSubmit={submit}>
        <Field label={t("field.expiresAt")} name="expiresAt" error={create.error}>
          <input type="date" required defaultValue={daysAhead(30)} />
        </Field>
        <Field label={t("field.maxUses")} name="maxUses" error={create.error}>
          <input type="number" min={1} />
        </Field>
        <BusyButton type="submit" busy={create.isPending}>
          {t("links.create")}
        </BusyButton>
      </form>
      {create.data?.url ? (
        <p className="ok inline" data-testid="new-link">
          <code>{create.data.url}</code>
          <button type="button" className="secondary" onClick={() => copy(create.data.id, create.data.url!)}>
            {copied === create.data.id ? t("links.copied") : t("links.copy")}
          </button>
        </p>
      ) : null}
      {fallback ? (
        <Field label={t("links.copyFallback")} name="copyFallback">
          <input readOnly value={fallback} onFocus={(e) => e.currentTarget.select()} autoFocus />
        </Field>
      ) : null}
      <ProblemMessage error={create.error ?? revoke.error} />
      <Table
        head={[t("field.createdAt"), t("field.expiresAt"), t("links.uses"), t("links.state"), ""].map((h, i) => (
          <th key={i}>{h}</th>
        ))}
      >
        {links.items.map((link) => (
          <tr key={link.id}>
            <td>{formatDate(link.createdAt)}</td>
            <td>{formatDate(link.expiresAt)}</td>
            <td>
              {link.uses}
              {link.maxUses ? ` / ${link.maxUses}` : ""}
            </td>
            <td>{t(`linkState.${link.state}`)}</td>
            <td className="actions">
              {link.state === "active" && link.url ? (
                <button type="button" className="secondary" onClick={() => copy(link.id, link.url!)}>
                  {copied === link.id ? t("links.copied") : t("links.copy")}
                </button>
              ) : null}
              {link.state === "active" ? (
                <BusyButton
                  className="danger"
                  busy={revoke.isPending && revoke.variables === link.id}
                  onClick={() => revoke.mutate(link.id)}
                >
                  {t("links.revoke")}
                </BusyButton>
              ) : null}
            </td>
          </tr>
        ))}
      </Table>
      <PagedFooter query={links} />
    </section>
  );
}
