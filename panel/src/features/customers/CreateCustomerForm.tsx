import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router-dom";
import { idempotencyKey, present } from "../../api/client";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { ProblemMessage } from "../../components/ProblemMessage";
import { useI18n } from "../../i18n/i18n";
import { createCustomer, listProducts, type CreateCustomerBody } from "./api";

type ProductChoice = NonNullable<NonNullable<CreateCustomerBody["products"]>[number]>;

/** Create a customer with its first admin (invited by email) and the products it starts with. */
export function CreateCustomerForm({ partnerId, onDone }: { partnerId: string | null; onDone: () => void }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const products = useQuery({ queryKey: ["products"], queryFn: listProducts });
  const [key] = useState(idempotencyKey);
  const [chosen, setChosen] = useState<Record<string, ProductChoice["status"]>>({});

  const create = useMutation({
    mutationFn: (body: CreateCustomerBody) => createCustomer(body, key),
    onSuccess: (customer) => {
      void queryClient.invalidateQueries({ queryKey: ["customers"] });
      onDone();
      navigate(`/customers/${customer.id}`);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => (form.get(name) as string | null)?.trim() || null;
    const adminEmail = text("admin.email");
    create.mutate({
      id: text("id"),
      name: text("name"),
      partnerId: partnerId,
      companyEmail: text("companyEmail"),
      firstName: text("firstName"),
      lastName: text("lastName"),
      customId: text("customId"),
      seller: text("seller"),
      language: text("language"),
      isTestAccount: form.get("isTestAccount") === "on",
      projectQuota: text("projectQuota") ? Number(text("projectQuota")) : null,
      admin: adminEmail ? { email: adminEmail, fullName: text("admin.fullName"), language: text("language") } : undefined,
      products: Object.entries(chosen).map(([productId, status]) => ({ productId, visible: true, status })),
    });
  };

  const error = create.error;
  return (
    <form className="card" onSubmit={submit} aria-label={t("create.title")}>
      <h2>{t("create.title")}</h2>
      <div className="grid">
        <Field label={t("field.id")} name="id" error={error}>
          <input required pattern="[a-z0-9][a-z0-9\-]{1,61}[a-z0-9]" />
        </Field>
        <Field label={t("field.name")} name="name" error={error}>
          <input required />
        </Field>
        <Field label={t("field.companyEmail")} name="companyEmail" error={error}>
          <input type="email" />
        </Field>
        <Field label={t("field.firstName")} name="firstName" error={error}>
          <input />
        </Field>
        <Field label={t("field.lastName")} name="lastName" error={error}>
          <input />
        </Field>
        <Field label={t("field.customId")} name="customId" error={error}>
          <input />
        </Field>
        <Field label={t("field.seller")} name="seller" error={error}>
          <input />
        </Field>
        <Field label={t("field.language")} name="language" error={error}>
          <select defaultValue={language}>
            <option value="en">English</option>
            <option value="de">Deutsch</option>
          </select>
        </Field>
        <Field label={t("field.projectQuota")} name="projectQuota" error={error}>
          <input type="number" min={0} />
        </Field>
        <Field label={t("field.isTestAccount")} name="isTestAccount" error={error}>
          <input type="checkbox" />
        </Field>
      </div>
      <fieldset>
        <legend>{t("create.admin")}</legend>
        <Field label={t("field.email")} name="admin.email" error={error}>
          <input type="email" />
        </Field>
        <Field label={t("field.fullName")} name="admin.fullName" error={error}>
          <input />
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t("create.products")}</legend>
        {present(products.data?.items).map((product) => (
          <label key={product.id} className="toggle">
            <input
              type="checkbox"
              checked={product.id in chosen}
              onChange={(e) => setChosen(({ [product.id]: _, ...rest }) => (e.target.checked ? { ...rest, [product.id]: "trial" } : rest))}
            />
            {product.name}
          </label>
        ))}
      </fieldset>
      <ProblemMessage error={error} />
      <div className="actions">
        <BusyButton type="submit" busy={create.isPending}>
          {t("common.create")}
        </BusyButton>
        <button type="button" className="secondary" onClick={onDone}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
