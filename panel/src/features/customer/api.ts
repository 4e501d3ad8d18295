import { useQuery } from "@tanstack/react-query";
import { api, unwrapWithETag } from "../../api/client";
import type { components } from "../../api/schema";

/** The customer with its ETag, which every edit sends back as If-Match. */
export function useCustomer(id: string) {
  return useQuery({
    queryKey: ["customer", id],
    queryFn: () => unwrapWithETag(api.GET("/api/customers/{id}", { params: { path: { id } } })),
  });
}

export type Customer = NonNullable<ReturnType<typeof useCustomer>["data"]>["data"];

export type MemberView = components["schemas"]["MemberView"];
