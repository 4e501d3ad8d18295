import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { api, unwrap } from "../../api/client";
import type { components } from "../../api/schema";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { ProblemMessage } from "../../components/ProblemMessage";
import { useI18n } from "../../i18n/i18n";
import { Options } from "../../components/Options";

type Recipients = components["schemas"]["DeletionNoticeRecipients"];
const recipients: Recipients[] = ["partnerAdmins", "allMembers", "none"];

/** The partner's own settings: who is emailed about its customers' deletions, and an optional extra address. */
export function PartnerSettingsPage({ partnerId }: { partnerId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const path = { partnerId };
  const key = ["partner", partnerId, "settings"];
  const settings = useQuery({ queryKey: key, queryFn: () => unwrap(api.GET("/api/partners/{partnerId}/settings", { params: { path } })) });
  const save = useMutation({
    mutationFn: (form: FormData) =>
      unwrap(
        api.PUT("/api/partners/{partnerId}/settings", {
          params: { path },
          body: {
            deletionNotices: form.get("deletionNotices") as Recipients,
            noticeAddress: (form.get("noticeAddress") as string) || undefined,
          },
        }),
      ),
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
  });
  if (!settings.data) return <ProblemMessage error={settings.error} />;
  const submit = (event: FormEvent<HTMLFormElement>) => (event.preventDefault(), save.mutate(new FormData(event.currentTarget)));
  return (
    <form className="card narrow" onSubmit={submit} aria-label={t("nav.settings")}>
      <h1>{t("nav.settings")}</h1>
      <Field label={t("partnerSettings.deletionNotices")} name="deletionNotices" error={save.error}>
        <select defaultValue={settings.data.deletionNotices}>
          <Options values={recipients} label={(r) => t(`partnerSettings.${r}`)} />
        </select>
      </Field>
      <Field label={t("partnerSettings.noticeAddress")} name="noticeAddress" error={save.error}>
        <input type="email" defaultValue={settings.data.noticeAddress ?? ""} />
      </Field>
      <ProblemMessage error={save.error} />
      {save.isSuccess ? <p className="ok">{t("common.saved")}</p> : null}
      <BusyButton type="submit" busy={save.isPending}>
        {t("common.save")}
      </BusyButton>
    </form>
  );
}
