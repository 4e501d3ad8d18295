import { api, unwrap } from "../../api/client";
import type { paths } from "../../api/schema";

export type CustomerListQuery = NonNullable<paths["/api/customers"]["get"]["parameters"]["query"]>;
export type CustomerListItem = NonNullable<Awaited<ReturnType<typeof listCustomers>>["items"][number]>;
export type CreateCustomerBody = NonNullable<NonNullable<paths["/api/customers"]["post"]["requestBody"]>["content"]["application/json"]>;

export const listCustomers = (query: CustomerListQuery) => unwrap(api.GET("/api/customers", { params: { query } }));

export type CustomerCountQuery = NonNullable<paths["/api/customers/counts"]["get"]["parameters"]["query"]>;
export const countCustomers = (query: CustomerCountQuery) => unwrap(api.GET("/api/customers/counts", { params: { query } }));

export const listSellers = (partnerId: string) => unwrap(api.GET("/api/partners/{partnerId}/sellers", { params: { path: { partnerId } } }));

export const listProducts = () => unwrap(api.GET("/api/products"));

export const createCustomer = (body: CreateCustomerBody, key: string) =>
  unwrap(api.POST("/api/customers", { body, params: { header: { "Idempotency-Key": key } } }));
