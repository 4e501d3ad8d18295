import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useSearchParams } from "react-router-dom";
import { api, unwrap } from "../../api/client";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { ProblemMessage } from "../../components/ProblemMessage";
import { useI18n } from "../../i18n/i18n";

/** Self-registration, also the target of a partner's invitation link (/register?token=...); a confirmation email follows. */
export function RegisterPage() {
  const { t, language } = useI18n();
  const [params] = useSearchParams();
  const register = useMutation({
    mutationFn: (form: FormData) =>
      unwrap(
        api.POST("/api/registrations", {
          body: {
            companyName: form.get("companyName") as string,
            id: form.get("id") as string,
            email: form.get("email") as string,
            fullName: form.get("fullName") as string,
            invitationLinkToken: params.get("token"),
            language,
          },
        }),
      ),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => (event.preventDefault(), register.mutate(new FormData(event.currentTarget)));
  if (register.isSuccess)
    return (
      <p className="card narrow ok" role="status">
        ✉ {t("register.sent")}
      </p>
    );
  return (
    <form className="card narrow" onSubmit={submit}>
      <h1>{t("list.newCustomer")}</h1>
      <Field label={t("field.name")} name="companyName" error={register.error}>
        <input required />
      </Field>
      <Field label={t("field.id")} name="id" error={register.error}>
        <input required />
      </Field>
      <Field label={t("field.email")} name="email" error={register.error}>
        <input type="email" required />
      </Field>
      <Field label={t("field.fullName")} name="fullName" error={register.error}>
        <input required />
      </Field>
      <ProblemMessage error={register.error} />
      <BusyButton type="submit" busy={register.isPending}>
        {t("register.submit")}
      </BusyButton>
    </form>
  );
}
