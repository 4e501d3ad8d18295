import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, present, unwrap } from "../../api/client";
import type { paths } from "../../api/schema";
import { productStatuses } from "../../i18n/enums";
import { ProblemMessage } from "../../components/ProblemMessage";
import { Table } from "../../components/Paged";
import { useI18n } from "../../i18n/i18n";
import type { Customer } from "./api";
import { Options } from "../../components/Options";

type ProductBody = NonNullable<
  NonNullable<paths["/api/customers/{id}/products/{productId}"]["put"]["requestBody"]>["content"]["application/json"]
>;

/** Per product: visibility (inherited from the partner or set here) and status; the account's stage follows from them. */
export function ProductsSection({ customer }: { customer: Customer }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const key = ["customer", customer.id, "products"];
  const products = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET("/api/customers/{id}/products", { params: { path: { id: customer.id } } })),
  });
  const change = useMutation({
    mutationFn: ({ productId, body }: { productId: string; body: ProductBody }) =>
      unwrap(api.PUT("/api/customers/{id}/products/{productId}", { params: { path: { id: customer.id, productId } }, body })),
    onSuccess: () => (
      queryClient.invalidateQueries({ queryKey: key }),
      queryClient.invalidateQueries({ queryKey: ["customer", customer.id] })
    ),
  });
  return (
    <div className="stack">
      <p>
        {t("field.stage")}: <strong>{t(`stage.${customer.stage}`)}</strong>
      </p>
      <ProblemMessage error={products.error ?? change.error} />
      <Table
        head={[t("field.name"), t("products.visible"), t("products.source"), t("field.status")].map((h) => (
          <th key={h}>{h}</th>
        ))}
      >
        {present(products.data?.items).map((p) => (
          <tr key={p.id}>
            <td>{p.name}</td>
            <td>
              <select
                aria-label={`${p.name} ${t("products.visible")}`}
                disabled={change.isPending}
                aria-busy={change.isPending && change.variables.productId === p.id}
                value={p.visibilitySource === "inherited" ? "inherit" : String(p.visible)}
                onChange={(e) =>
                  change.mutate({
                    productId: p.id,
                    body: {
                      visible: e.target.value === "inherit" ? null : e.target.value === "true",
                      status: p.status,
                    },
                  })
                }
              >
                <option value="inherit">
                  {t("products.inherit")} ({p.visible ? t("common.yes") : t("common.no")})
                </option>
                <option value="true">{t("common.yes")}</option>
                <option value="false">{t("common.no")}</option>
              </select>
            </td>
            <td>{t(`visibilitySource.${p.visibilitySource}`)}</td>
            <td>
              <select
                aria-label={`${p.name} ${t("field.status")}`}
                disabled={change.isPending}
                aria-busy={change.isPending && change.variables.productId === p.id}
                value={p.status}
                onChange={(e) =>
                  change.mutate({
                    productId: p.id,
                    body: {
                      visible: p.visibilitySource === "inherited" ? null : p.visible,
                      status: e.target.value as ProductBody["status"],
                    },
                  })
                }
              >
                <Options values={productStatuses} label={(s) => t(`productStatus.${s}`)} />
              </select>
            </td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
