/** The panel's runtime settings, read from /config.json so one build serves every environment. */
export type PanelConfig = {
  apiBaseUrl: string;
  /** OpenID Connect (Auth:Authority of the server); an empty authority means development-token sign-in. */
  auth: { authority: string; clientId: string; scope: string };
};

export async function loadConfig(): Promise<PanelConfig> {
  const response = await fetch("/config.json", { cache: "no-store" });
  const config = (await response.json()) as Partial<PanelConfig>;
  return {
    apiBaseUrl: config.apiBaseUrl ?? "",
    auth: { authority: "", clientId: "", scope: "openid profile email", ...config.auth },
  };
}
