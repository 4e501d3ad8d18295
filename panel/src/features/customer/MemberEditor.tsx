import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { api, unwrap } from "../../api/client";
import type { paths } from "../../api/schema";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { ProblemMessage } from "../../components/ProblemMessage";
import { useI18n } from "../../i18n/i18n";
import type { MemberView } from "./api";

type MemberPatch = NonNullable<
  NonNullable<paths["/api/customers/{id}/members/{userId}"]["patch"]["requestBody"]>["content"]["application/json"]
>;

/** A member's contact name, the address their emails go to and the language of those emails. */
export function MemberEditor({ customerId, member, onDone }: { customerId: string; member: MemberView; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (form: FormData) => {
      // A JSON merge patch: only what changed (every field is optional).
      const patch: MemberPatch = {};
      for (const field of ["name", "email", "language"] as const) {
        const value = (form.get(field) as string).trim();
        // An empty name or language is null in the patch: the member then has none of their own (the account's language).
        if (value !== (member[field] ?? "")) patch[field] = value === "" ? null : value;
      }
      return unwrap(
        api.PATCH("/api/customers/{id}/members/{userId}", {
          params: { path: { id: customerId, userId: member.userId } },
          body: patch,
        }),
      );
    },
    onSuccess: () => (queryClient.invalidateQueries({ queryKey: ["customer", customerId, "members"] }), onDone()),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => (event.preventDefault(), save.mutate(new FormData(event.currentTarget)));
  return (
    <form className="inline" onSubmit={submit} aria-label={t("users.edit")}>
      <Field label={t("field.name")} name="name" error={save.error}>
        <input defaultValue={member.name ?? ""} />
      </Field>
      <Field label={t("field.email")} name="email" error={save.error}>
        <input type="email" defaultValue={member.email ?? ""} />
      </Field>
      <Field label={t("field.language")} name="language" error={save.error}>
        <select defaultValue={member.language ?? ""}>
          <option value="">—</option>
          <option value="en">English</option>
          <option value="de">Deutsch</option>
        </select>
      </Field>
      <BusyButton type="submit" busy={save.isPending}>
        {t("common.save")}
      </BusyButton>
      <button type="button" className="secondary" onClick={onDone}>
        {t("common.cancel")}
      </button>
      <ProblemMessage error={save.error} />
    </form>
  );
}
