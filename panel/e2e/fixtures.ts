import { test as base, expect, type Page } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

type Api = <T = unknown>(method: string, path: string, body?: unknown, token?: string) => Promise<T>;

export const test = base.extend<{ api: Api; operatorToken: string }>({
  baseURL: async ({}, use) => use(process.env.PANEL_URL),
  operatorToken: async ({}, use) => use(process.env.OPERATOR_TOKEN!),
  // Arranges data straight through the API (the journeys themselves go through the panel).
  api: async ({}, use) =>
    use(async (method, path, body, token = process.env.OPERATOR_TOKEN!) => {
      const response = await fetch(process.env.PANEL_URL + path, {
        method,
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as never;
    }),
});

export { expect };

/** A unique id for this run, so tests never see each other's accounts. */
export const uniqueId = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

export async function signIn(page: Page, token: string) {
  await page.goto("/signin");
  await page.getByLabel("Development token").fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** The link of the newest email to `to` (from the pickup folder), decoded from quoted-printable. */
export async function emailedLink(to: string, path: string): Promise<string> {
  const folder = process.env.PANEL_MAIL!;
  for (let attempt = 0; attempt < 60; attempt++) {
    let files: string[] = [];
    try {
      files = readdirSync(folder).filter((f) => f.endsWith(".eml"));
    } catch {
      // the folder appears with the first email
    }
    const mails = files
      .map((f) =>
        readFileSync(join(folder, f), "utf8")
          .replace(/=\r?\n/g, "")
          .replace(/=3D/gi, "="),
      )
      .filter((m) => m.toLowerCase().includes(`to: ${to.toLowerCase()}`) || m.toLowerCase().includes(`<${to.toLowerCase()}>`));
    for (const mail of mails.reverse()) {
      const match = mail.match(new RegExp(`https?://[^\\s"<>]*${path}\\?token=[A-Za-z0-9_%\\-.~]+`));
      if (match) return match[0];
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no email to ${to} with a ${path} link in ${folder}`);
}

/** Refreshes README's screenshots (docs/img) when run with UPDATE_SCREENSHOTS=1, so ordinary runs leave the tree clean. */
export async function screenshot(page: Page, name: string) {
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: `../docs/img/${name}.png`, fullPage: true });
}
