import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, ApiProblem, unwrap } from "../../api/client";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { ProblemMessage } from "../../components/ProblemMessage";
import { useI18n } from "../../i18n/i18n";
import type { paths } from "../../api/schema";
import type { AccountStatus } from "../../i18n/enums";
import type { Customer } from "./api";

type UpdateBody = NonNullable<NonNullable<paths["/api/customers/{id}"]["patch"]["requestBody"]>["content"]["application/json"]>;

const editable = ["name", "companyEmail", "firstName", "lastName", "customId", "seller"] as const;

/** The customer's fields, edited with If-Match; enable/disable, project quota and "Add myself". */
export function DetailsSection({ customer, etag }: { customer: Customer; etag: string | null }) {
  const { t, formatDate } = useI18n();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["customer", customer.id] });
  const path = { id: customer.id };

  const save = useMutation({
    mutationFn: (form: FormData) =>
      unwrap(
        api.PATCH("/api/customers/{id}", {
          params: { path, header: { "If-Match": etag ?? undefined } },
          body: changes(customer, form),
        }),
      ),
    onSuccess: () => (setEditing(false), refresh()),
  });
  const setStatus = useMutation({
    mutationFn: (status: Extract<AccountStatus, "active" | "disabled">) =>
      unwrap(api.PUT("/api/customers/{id}/status", { params: { path }, body: { status } })),
    onSuccess: refresh,
  });
  const setQuota = useMutation({
    mutationFn: (projects: number) => unwrap(api.PUT("/api/customers/{id}/quota", { params: { path }, body: { projects } })),
    onSuccess: refresh,
  });
  const addMyself = useMutation({
    mutationFn: () => unwrap(api.POST("/api/customers/{id}/members/me", { params: { path } })),
    onSuccess: () => (
      queryClient.invalidateQueries({ queryKey: ["customer", customer.id, "members"] }),
      queryClient.invalidateQueries({ queryKey: ["me"] }) // a new membership: the account switcher lists it
    ),
  });

  const conflict = save.error instanceof ApiProblem && save.error.status === 412;
  const submit = (event: FormEvent<HTMLFormElement>) => (event.preventDefault(), save.mutate(new FormData(event.currentTarget)));

  return (
    <div className="stack">
      {editing ? (
        <form className="card" onSubmit={submit} aria-label={t("details.edit")}>
          <div className="grid">
            {editable.map((field) => (
              <Field key={field} label={t(`field.${field}`)} name={field} error={save.error}>
                <input defaultValue={customer[field] ?? ""} />
              </Field>
            ))}
            <Field label={t("field.language")} name="language" error={save.error}>
              <select defaultValue={customer.language}>
                <option value="en">English</option>
                <option value="de">Deutsch</option>
              </select>
            </Field>
            <Field label={t("field.isTestAccount")} name="isTestAccount" error={save.error}>
              <input type="checkbox" defaultChecked={customer.isTestAccount} />
            </Field>
          </div>
          {conflict ? (
            <p role="alert" className="problem">
              {t("details.conflict")}{" "}
              <button type="button" className="link" onClick={() => (save.reset(), setEditing(false), refresh())}>
                ↻
              </button>
            </p>
          ) : (
            <ProblemMessage error={save.error} />
          )}
          <div className="actions">
            <BusyButton type="submit" busy={save.isPending}>
              {t("common.save")}
            </BusyButton>
            <button type="button" className="secondary" onClick={() => (save.reset(), setEditing(false))}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      ) : (
        <dl className="details card">
          {(
            [
              "id",
              "name",
              "kind",
              "partnerId",
              "companyEmail",
              "firstName",
              "lastName",
              "customId",
              "seller",
              "language",
              "status",
              "stage",
            ] as const
          ).map((field) => (
            <div key={field}>
              <dt>{t(`field.${field}`)}</dt>
              <dd>
                {field === "status"
                  ? t(`status.${customer.status}`)
                  : field === "stage"
                    ? t(`stage.${customer.stage}`)
                    : field === "kind"
                      ? t(`kind.${customer.kind}`)
                      : (customer[field] ?? "—")}
              </dd>
            </div>
          ))}
          <div>
            <dt>{t("field.isTestAccount")}</dt>
            <dd>{customer.isTestAccount ? t("common.yes") : t("common.no")}</dd>
          </div>
          <div>
            <dt>{t("field.projects")}</dt>
            <dd>
              {customer.projectCount} / {customer.projectQuota}
            </dd>
          </div>
          <div>
            <dt>{t("field.createdAt")}</dt>
            <dd>{formatDate(customer.createdAt)}</dd>
          </div>
          {customer.deletionDueAt ? (
            <div>
              <dt>{t("field.deletionDueAt")}</dt>
              <dd>{formatDate(customer.deletionDueAt)}</dd>
            </div>
          ) : null}
        </dl>
      )}
      <div className="actions">
        {!editing ? (
          <button type="button" onClick={() => setEditing(true)}>
            {t("details.edit")}
          </button>
        ) : null}
        {customer.status === "disabled" ? (
          <BusyButton busy={setStatus.isPending} onClick={() => setStatus.mutate("active")}>
            {t("details.enable")}
          </BusyButton>
        ) : customer.status === "active" ? (
          <BusyButton className="secondary" busy={setStatus.isPending} onClick={() => setStatus.mutate("disabled")}>
            {t("details.disable")}
          </BusyButton>
        ) : null}
        <BusyButton className="secondary" busy={addMyself.isPending} onClick={() => addMyself.mutate()}>
          {t("details.addMyself")}
        </BusyButton>
      </div>
      <form
        className="inline"
        onSubmit={(e) => (e.preventDefault(), setQuota.mutate(Number(new FormData(e.currentTarget).get("projects"))))}
      >
        <Field label={t("field.projectQuota")} name="projects" error={setQuota.error}>
          <input type="number" min={0} defaultValue={customer.projectQuota} />
        </Field>
        <BusyButton type="submit" busy={setQuota.isPending}>
          {t("details.quotaSave")}
        </BusyButton>
      </form>
      <ProblemMessage error={setStatus.error ?? setQuota.error ?? addMyself.error} />
      {addMyself.isSuccess ? <p className="ok">{t("common.saved")}</p> : null}
    </div>
  );
}

/**
 * A JSON merge patch of the fields the user changed: an absent field stays as it is, and a customer admin never sends
 * a field they may not set.
 */
function changes(customer: Customer, form: FormData): UpdateBody {
  const patch: UpdateBody = {};
  for (const field of editable) {
    const value = (form.get(field) as string).trim();
    if (value !== (customer[field] ?? "")) patch[field] = value;
  }
  const language = form.get("language") as string;
  if (language !== customer.language) patch.language = language;
  const isTestAccount = form.get("isTestAccount") === "on";
  if (isTestAccount !== customer.isTestAccount) patch.isTestAccount = isTestAccount;
  return patch;
}
