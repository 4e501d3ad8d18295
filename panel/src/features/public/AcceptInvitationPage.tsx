import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router-dom";
import { api, unwrap } from "../../api/client";
import { useSession } from "../../auth/session";
import { BusyButton } from "../../components/BusyButton";
import { ProblemMessage } from "../../components/ProblemMessage";
import { SignInFirst } from "../../components/SignInFirst";
import { useI18n } from "../../i18n/i18n";

/** The invitation email's link (/invitations/accept?token=...): the signed-in user accepts and becomes a member. */
export function AcceptInvitationPage() {
  const { t } = useI18n();
  const { token: signedIn } = useSession();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const accept = useMutation({
    mutationFn: () => unwrap(api.POST("/api/invitations/accept", { body: { token } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["me"] }),
  });
  return (
    <section className="card narrow">
      <h1>{t("accept.title")}</h1>
      {!signedIn ? (
        <SignInFirst message={t("accept.signInFirst")} />
      ) : accept.isSuccess ? (
        <p className="ok" role="status">
          {t("accept.done", { name: accept.data.name })} <Link to={`/customers/${accept.data.customerId}`}>{accept.data.name}</Link>
        </p>
      ) : (
        <BusyButton busy={accept.isPending} disabled={!token} onClick={() => accept.mutate()}>
          {t("accept.accept")}
        </BusyButton>
      )}
      <ProblemMessage error={accept.error} />
    </section>
  );
}
