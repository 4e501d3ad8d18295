import { useMutation } from "@tanstack/react-query";
import { useSearchParams } from "react-router-dom";
import { api, unwrap } from "../../api/client";
import { ProblemMessage } from "../../components/ProblemMessage";
import { useI18n } from "../../i18n/i18n";

/** The registration email's link (/registrations/confirm?token=...): creates the account (anyone with the token). */
export function ConfirmRegistrationPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const confirm = useMutation({ mutationFn: () => unwrap(api.POST("/api/registrations/confirm", { body: { token } })) });
  return (
    <section className="card narrow">
      <h1>{t("confirm.title")}</h1>
      {confirm.isSuccess ? (
        <p className="ok" role="status">
          {t("confirm.done")} ({confirm.data.name}: {confirm.data.status})
        </p>
      ) : (
        <button type="button" onClick={() => confirm.mutate()} disabled={confirm.isPending || !token}>
          {t("confirm.confirm")}
        </button>
      )}
      <ProblemMessage error={confirm.error} />
    </section>
  );
}
