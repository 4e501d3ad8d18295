// The panel's one API layer: a client typed from the OpenAPI document (src/api/schema.d.ts, `npm run gen:api`),
// the caller's token on every request, and problem details turned into an ApiProblem the screens can show.
import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./schema";

/** An RFC 9457 problem as the API answers it; `errors` holds the messages per field of a validation failure. */
export type Problem = NonNullable<paths["/api/customers"]["post"]["responses"][400]["content"]["application/problem+json"]>;

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  /** The last segment of the problem type (`quota-exceeded`, ...), for messages keyed by kind. */
  get kind(): string {
    return (this.problem.type ?? "").split("/").pop() ?? "";
  }

  fieldErrors(field: string): string[] {
    const errors = this.problem.errors ?? {};
    const key = Object.keys(errors).find((k) => k.toLowerCase() === field.toLowerCase());
    return key ? (errors[key] ?? []) : [];
  }
}

let currentToken: () => string | null = () => null;
let onUnauthorized: () => void = () => {};

/**
 * The session tells the API layer where to read the token from (the dev token, OIDC, or an impersonation), and what
 * to do when the API no longer takes it (401: expired, or an impersonation that ended).
 */
export function setTokenSource(source: () => string | null, unauthorized: () => void) {
  currentToken = source;
  onUnauthorized = unauthorized;
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = currentToken();
    if (token) request.headers.set("Authorization", `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && request.headers.has("Authorization")) onUnauthorized();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: "" });
api.use(auth);

/** Sets where the API lives (config.json's apiBaseUrl; empty means the panel's own origin). */
export function configureApi(baseUrl: string) {
  apiBase.url = baseUrl.replace(/\/$/, "");
}
const apiBase = { url: "" };
api.use({
  onRequest({ request }) {
    if (!apiBase.url) return request;
    const url = new URL(request.url);
    return new Request(apiBase.url + url.pathname + url.search, request);
  },
});

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * A JSON answer's type. The document types every body as "object or null" and routes that also answer CSV as
 * "object or string"; a JSON call that succeeded has an object.
 */
export type Json<T> = NonNullable<Exclude<T, string>>;

/** Drops the nulls the document allows in arrays (the API never sends them). */
export const present = <T>(items: readonly (T | null)[] | null | undefined): T[] => (items ?? []).filter((x): x is T => x != null);

/** Awaits an openapi-fetch call and returns its data, or throws an ApiProblem. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<Json<T>> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const problem = (typeof error === "object" && error ? error : { title: response.statusText }) as Problem;
    throw new ApiProblem(response.status, problem);
  }
  return data as Json<T>;
}

/** Like unwrap, with the response's ETag (for If-Match). */
export async function unwrapWithETag<T>(call: Promise<Result<T>>): Promise<{ data: Json<T>; etag: string | null }> {
  const result = await call;
  const data = await unwrap(Promise.resolve(result));
  return { data, etag: result.response.headers.get("ETag") };
}

/** Saves a response body (a CSV export) as a file. */
export async function download(call: Promise<Result<unknown>>, fileName: string) {
  const { response, error } = await call;
  if (!response.ok) throw new ApiProblem(response.status, (error ?? { title: response.statusText }) as Problem);
  const blob = await response.blob();
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** A new Idempotency-Key for a POST, so a retried click never creates twice. */
export const idempotencyKey = () => crypto.randomUUID();
