// Writes dist/config.json for a deployment (azd's predeploy hook, azure.yaml), from the azd environment:
//   API_BASE_URL      the Function App's API (azd output; "https://func-x.azurewebsites.net/api")
//   AUTH_AUTHORITY    the OpenID Connect issuer the API trusts (Auth:Authority)
//   PANEL_CLIENT_ID   the panel's own app registration (a single-page application, redirect URI <panel>/signin/callback)
//   PANEL_SCOPE       what to ask for, e.g. "openid profile email api://<API client id>/access" (the API's Auth:Audience)
import { writeFileSync } from "node:fs";

const required = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (azd env set ${name} ...)`);
  return value;
};

const config = {
  apiBaseUrl: required("API_BASE_URL").replace(/\/api\/?$/, ""),
  auth: {
    authority: required("AUTH_AUTHORITY"),
    clientId: required("PANEL_CLIENT_ID"),
    scope: process.env.PANEL_SCOPE || "openid profile email",
  },
};
writeFileSync(new URL("../dist/config.json", import.meta.url), JSON.stringify(config, null, 2) + "\n");
console.log("wrote dist/config.json", config);
