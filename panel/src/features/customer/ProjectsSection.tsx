import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, idempotencyKey, present, unwrap } from "../../api/client";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { PagedFooter, Table, usePaged } from "../../components/Paged";
import { ProblemMessage } from "../../components/ProblemMessage";
import { useI18n } from "../../i18n/i18n";
import type { Customer } from "./api";

/** Projects within the quota, with who has access; create, delete, grant and revoke access. */
export function ProjectsSection({ customer }: { customer: Customer }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const path = { id: customer.id };
  const key = ["customer", customer.id, "projects"];
  const projects = usePaged(key, (continuationToken) =>
    unwrap(api.GET("/api/customers/{id}/projects", { params: { path, query: { continuationToken } } })),
  );
  const members = usePaged(["customer", customer.id, "members"], (continuationToken) =>
    unwrap(api.GET("/api/customers/{id}/members", { params: { path, query: { continuationToken } } })),
  );
  const onSuccess = () => (
    queryClient.invalidateQueries({ queryKey: key }),
    queryClient.invalidateQueries({ queryKey: ["customer", customer.id] })
  );
  const [createKey, setCreateKey] = useState(idempotencyKey);
  const create = useMutation({
    mutationFn: (form: FormData) =>
      unwrap(
        api.POST("/api/customers/{id}/projects", {
          params: { path, header: { "Idempotency-Key": createKey } },
          body: { id: form.get("id") as string, name: form.get("name") as string },
        }),
      ),
    onSuccess: () => (setCreateKey(idempotencyKey()), onSuccess()),
  });
  const remove = useMutation({
    mutationFn: (projectId: string) =>
      unwrap(api.DELETE("/api/customers/{id}/projects/{projectId}", { params: { path: { ...path, projectId } } })),
    onSuccess,
  });
  const grant = useMutation({
    mutationFn: ({ projectId, userId }: { projectId: string; userId: string }) =>
      unwrap(api.PUT("/api/customers/{id}/projects/{projectId}/members/{userId}", { params: { path: { ...path, projectId, userId } } })),
    onSuccess,
  });
  const revoke = useMutation({
    mutationFn: ({ projectId, userId }: { projectId: string; userId: string }) =>
      unwrap(
        api.DELETE("/api/customers/{id}/projects/{projectId}/members/{userId}", {
          params: { path: { ...path, projectId, userId } },
        }),
      ),
    onSuccess,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    create.mutate(new FormData(form), { onSuccess: () => form.reset() });
  };
  return (
    <div className="stack">
      <p>
        {t("field.projects")}: {customer.projectCount} / {customer.projectQuota}
      </p>
      <form className="card inline" onSubmit={submit} aria-label={t("projects.create")}>
        <Field label={t("projects.id")} name="id" error={create.error}>
          <input required />
        </Field>
        <Field label={t("field.name")} name="name" error={create.error}>
          <input required />
        </Field>
        <BusyButton type="submit" busy={create.isPending}>
          {t("projects.create")}
        </BusyButton>
      </form>
      <ProblemMessage error={create.error ?? remove.error ?? grant.error ?? revoke.error} />
      <Table
        head={[t("field.id"), t("field.name"), t("projects.members"), ""].map((h, i) => (
          <th key={i}>{h}</th>
        ))}
      >
        {projects.items.map((project) => (
          <tr key={project.id}>
            <td>{project.id}</td>
            <td>{project.name}</td>
            <td>
              {present(project.members).map((m) => (
                <span key={m.userId} className="tag">
                  {m.name ?? m.userId}{" "}
                  <BusyButton
                    className="link"
                    aria-label={t("common.remove")}
                    busy={revoke.isPending && revoke.variables.projectId === project.id && revoke.variables.userId === m.userId}
                    onClick={() => revoke.mutate({ projectId: project.id, userId: m.userId })}
                  >
                    ×
                  </BusyButton>
                </span>
              ))}
              <select
                aria-label={t("projects.grant")}
                value=""
                onChange={(e) => e.target.value && grant.mutate({ projectId: project.id, userId: e.target.value })}
              >
                <option value="">{t("projects.grant")}…</option>
                {members.items
                  .filter((m) => !present(project.members).some((pm) => pm.userId === m.userId))
                  .map((m) => (
                    <option key={m.userId} value={m.userId}>
                      {m.name ?? m.userId}
                    </option>
                  ))}
              </select>
            </td>
            <td>
              <BusyButton
                className="danger"
                busy={remove.isPending && remove.variables === project.id}
                onClick={() => remove.mutate(project.id)}
              >
                {t("common.remove")}
              </BusyButton>
            </td>
          </tr>
        ))}
      </Table>
      <PagedFooter query={projects} />
    </div>
  );
}
