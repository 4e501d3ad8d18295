import { useI18n } from "../i18n/i18n";
import { Field } from "./Field";

/** The subject, body and reading mode of a notice: the same fields whether it goes to one customer or to all of a partner's. */
export function MessageFields({ error, rows = 3 }: { error: unknown; rows?: number }) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t("field.subject")} name="subject" error={error}>
        <input required />
      </Field>
      <Field label={t("field.body")} name="body" error={error}>
        <textarea required rows={rows} />
      </Field>
      <Field label={t("field.mode")} name="mode" error={error}>
        <select defaultValue="allMustRead">
          <option value="allMustRead">{t("messages.allMustRead")}</option>
          <option value="singleRead">{t("messages.singleRead")}</option>
        </select>
      </Field>
    </>
  );
}
