import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router-dom";
import { api, unwrap } from "../../api/client";
import { useSession } from "../../auth/session";
import { BusyButton } from "../../components/BusyButton";
import { ProblemMessage } from "../../components/ProblemMessage";
import { SignInFirst } from "../../components/SignInFirst";
import { useI18n } from "../../i18n/i18n";

/**
 * The registration email's link (/registrations/confirm?token=...): the signed-in user confirms, the account is created
 * (or waits for approval) and they become its admin. Signed out, they sign in first and come back here.
 */
export function ConfirmRegistrationPage() {
  const { t } = useI18n();
  const { token: signedIn } = useSession();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const confirm = useMutation({
    mutationFn: () => unwrap(api.POST("/api/registrations/confirm", { body: { token } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["me"] }),
  });
  return (
    <section className="card narrow">
      <h1>{t("confirm.title")}</h1>
      {!signedIn ? (
        <SignInFirst message={t("confirm.signInFirst")} />
      ) : confirm.isSuccess ? (
        <p className="ok" role="status">
          {t("confirm.done")} <Link to={`/customers/${confirm.data.id}`}>{confirm.data.name}</Link> ({t(`status.${confirm.data.status}`)})
        </p>
      ) : (
        <BusyButton busy={confirm.isPending} disabled={!token} onClick={() => confirm.mutate()}>
          {t("confirm.confirm")}
        </BusyButton>
      )}
      <ProblemMessage error={confirm.error} />
    </section>
  );
}
