import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { api, unwrap } from "../../api/client";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { ProblemMessage } from "../../components/ProblemMessage";
import { selfRegistrationModes, type SelfRegistration } from "../../i18n/enums";
import { useI18n } from "../../i18n/i18n";
import { Options } from "../../components/Options";

/** Platform settings (operators): self-registration, invitation links, the deletion grace period. */
export function OperatorSettingsPage() {
  const { t, formatDate } = useI18n();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ["settings"], queryFn: () => unwrap(api.GET("/api/settings")) });
  const save = useMutation({
    mutationFn: (form: FormData) =>
      unwrap(
        api.PUT("/api/settings", {
          body: {
            selfRegistration: form.get("selfRegistration") as SelfRegistration,
            invitationLinks: form.get("invitationLinks") === "on",
            deletionGraceDays: Number(form.get("deletionGraceDays")),
          },
        }),
      ),
    onSuccess: (saved) => queryClient.setQueryData(["settings"], saved),
  });
  if (!settings.data) return <ProblemMessage error={settings.error} />;
  const submit = (event: FormEvent<HTMLFormElement>) => (event.preventDefault(), save.mutate(new FormData(event.currentTarget)));
  return (
    <form className="card narrow" onSubmit={submit} aria-label={t("nav.operatorSettings")}>
      <h1>{t("nav.operatorSettings")}</h1>
      <Field label={t("settings.selfRegistration")} name="selfRegistration" error={save.error}>
        <select defaultValue={settings.data.selfRegistration}>
          <Options values={selfRegistrationModes} label={(mode) => t(`selfRegistration.${mode}`)} />
        </select>
      </Field>
      <Field label={t("nav.invitationLinks")} name="invitationLinks" error={save.error}>
        <input type="checkbox" defaultChecked={settings.data.invitationLinks} />
      </Field>
      <Field label={t("settings.deletionGraceDays")} name="deletionGraceDays" error={save.error}>
        <input type="number" min={0} defaultValue={settings.data.deletionGraceDays} />
      </Field>
      {settings.data.updatedAt ? (
        <p className="muted">
          {formatDate(settings.data.updatedAt)} · {settings.data.updatedBy}
        </p>
      ) : null}
      <ProblemMessage error={save.error} />
      {save.isSuccess ? <p className="ok">{t("common.saved")}</p> : null}
      <BusyButton type="submit" busy={save.isPending}>
        {t("common.save")}
      </BusyButton>
    </form>
  );
}
