import { emailedLink, expect, screenshot, signIn, test, uniqueId } from "./fixtures";
import { mintToken } from "./stack";

test("signs in with a development token and shows the customer list", async ({ page, operatorToken }) => {
  await signIn(page, operatorToken);
  await expect(page.getByRole("heading", { name: "Customer Accounts" })).toBeVisible();
});

test("creates a customer with its first admin, who is invited", async ({ page, operatorToken }) => {
  const id = uniqueId("acme");
  await signIn(page, operatorToken);
  await page.getByRole("button", { name: "New customer" }).click();
  const form = page.getByRole("form", { name: "Create a customer" });
  await form.getByLabel("Identifier").fill(id);
  await form.getByLabel("Name", { exact: true }).fill("Acme Corp GmbH");
  await form.getByLabel("Company email").fill(`office@${id}.example`);
  await form.getByLabel("Email", { exact: true }).fill(`admin@${id}.example`);
  await form.getByLabel("Full name").fill("Ada Admin");
  await form.getByRole("button", { name: "Create" }).click();

  await expect(page).toHaveURL(new RegExp(`/customers/${id}$`));
  await expect(page.getByRole("heading", { name: new RegExp("Acme Corp GmbH") })).toBeVisible();
  await page.getByRole("link", { name: "Invitations" }).click();
  await expect(page.getByTestId("invitation-row")).toContainText(`admin@${id}.example`);
});

test("shows field errors next to the fields", async ({ page, operatorToken }) => {
  await signIn(page, operatorToken);
  await page.getByRole("button", { name: "New customer" }).click();
  const form = page.getByRole("form", { name: "Create a customer" });
  await form.getByLabel("Identifier").fill("ok-id");
  await form.getByLabel("Name", { exact: true }).fill("Bad Email Inc");
  await form.getByLabel("Email", { exact: true }).fill("not-an-email@");
  await form.getByLabel("Full name").fill("Someone");
  await form.evaluate((element: HTMLFormElement) => (element.noValidate = true)); // let the API judge the address
  await form.getByRole("button", { name: "Create" }).click();
  await expect(form.getByRole("alert")).toBeVisible();
  await expect(form.locator(".field:has(input[name='admin.email']) .field-error")).toBeVisible();
});

test("invites a user who accepts from the emailed link", async ({ page, browser, api }) => {
  const id = uniqueId("invite");
  await api("POST", "/api/customers", { id, name: "Invite Test" });
  await signIn(page, process.env.OPERATOR_TOKEN!);
  await page.goto(`/customers/${id}/invitations`);
  const form = page.getByRole("form", { name: "Invite" });
  await form.getByLabel("Email", { exact: true }).fill(`bob@${id}.example`);
  await form.getByLabel("Full name").fill("Bob Builder");
  await form.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText(`Invitation sent to bob@${id}.example.`)).toBeVisible();

  const link = await emailedLink(`bob@${id}.example`, "/invitations/accept");
  const bob = await browser.newContext({ locale: "en-US" });
  const bobPage = await bob.newPage();
  await bobPage.goto(link);
  await bobPage.getByRole("link", { name: "Sign in" }).click();
  await bobPage.getByLabel("Development token").fill(mintToken(`bob-${id}`, `bob@${id}.example`, "Bob Builder"));
  await bobPage.getByRole("button", { name: "Sign in" }).click();
  await bobPage.getByRole("button", { name: "Accept invitation" }).click();
  await expect(bobPage.getByRole("status")).toContainText("Welcome! You are now a member of Invite Test.");
  await bob.close();

  await page.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("cell", { name: "Bob Builder" })).toBeVisible();
});

test("searches and sorts the customer list", async ({ page, api }) => {
  const tag = uniqueId("zz");
  for (const [suffix, name, seller] of [
    ["a", "Zephyr Logistics", "carla"],
    ["b", "Alpine Dairy", "bruno"],
    ["c", "Meadow Farms", "anna"],
  ]) {
    await api("POST", "/api/customers", { id: `${tag}-${suffix}`, name: `${name} ${tag}`, seller });
  }
  await signIn(page, process.env.OPERATOR_TOKEN!);
  await page.getByRole("searchbox").fill(tag);
  const rows = page.getByTestId("customer-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText("Alpine Dairy");

  await page.getByRole("button", { name: /^Seller/ }).click();
  await expect(rows.first()).toContainText("Meadow Farms");
  await page.getByRole("button", { name: /^Seller/ }).click();
  await expect(rows.first()).toContainText("Zephyr Logistics");
  await screenshot(page, "panel-customers");

  // The API sorts, filters and counts: a stage none of them is in empties the list, and the counts stand beside it.
  await expect(page.getByTestId("customer-counts")).toContainText("customers");
  await page.getByLabel("Stage").selectOption("deleted");
  await expect(rows).toHaveCount(0);
  await page.getByLabel("Stage").selectOption("");
  await expect(rows).toHaveCount(3);

  await page.getByRole("searchbox").fill("alpine");
  await expect(rows.filter({ hasText: tag })).toHaveCount(1);
});

test("logs in as the customer, requests a deletion and the operator cancels it", async ({ page, api }) => {
  const id = uniqueId("leaving");
  await api("POST", "/api/customers", { id, name: "Leaving Ltd", admin: { email: `owner@${id}.example`, fullName: "Olga Owner" } });
  await signIn(page, process.env.OPERATOR_TOKEN!);
  await page.goto(`/customers/${id}/login-as`);
  await page.getByLabel("Reason").fill("Support ticket 42");
  await page.getByRole("button", { name: "Log in as this customer" }).click();
  await expect(page.getByTestId("impersonation-banner")).toContainText(`You are logged in as customer ${id}`);

  await page.getByRole("link", { name: "Deletion" }).click();
  await page.getByLabel("Reason").fill("Moving to another provider");
  await page.getByRole("button", { name: "Request deletion" }).click();
  await expect(page.getByTestId("deletion-state")).toContainText("Deletion requested");

  await page.getByTestId("impersonation-banner").getByRole("button", { name: "End" }).click();
  await expect(page.getByTestId("impersonation-banner")).toHaveCount(0);
  await page.getByRole("link", { name: "Deletion" }).click();
  await page.getByLabel("Note (optional)").fill("Talked them out of it");
  await page.getByRole("button", { name: "Cancel deletion request" }).click();
  await expect(page.getByTestId("deletion-state")).toHaveCount(0);
  await expect(page.getByTestId("deletion-request-row")).toContainText("Cancelled");
  await expect(page.getByTestId("deletion-request-row")).toContainText("Talked them out of it");
});

test("reads the usage chart by project and month", async ({ page, api }) => {
  const id = uniqueId("usage");
  await api("POST", "/api/customers", { id, name: "Usage GmbH", projectQuota: 5 });
  await api("POST", `/api/customers/${id}/projects`, { id: "web", name: "Website" });
  await api("POST", `/api/customers/${id}/projects`, { id: "data", name: "Data Lake" });
  const now = new Date();
  const day = (monthsAgo: number, d: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, d)).toISOString();
  await api("POST", `/api/customers/${id}/usage`, {
    records: [
      { id: "r1", projectId: "web", product: "compute", metric: "cpu", quantity: 120, unit: "h", from: day(1, 2), to: day(1, 3) },
      { id: "r2", projectId: "web", product: "compute", metric: "cpu", quantity: 80, unit: "h", from: day(0, 1), to: day(0, 2) },
      { id: "r3", projectId: "data", product: "compute", metric: "cpu", quantity: 40, unit: "h", from: day(0, 1), to: day(0, 2) },
    ],
  });
  await signIn(page, process.env.OPERATOR_TOKEN!);
  await page.goto(`/customers/${id}/usage`);
  const chart = page.getByRole("img", { name: "Usage by project and month" });
  await expect(chart).toBeVisible();
  await expect(page.getByTestId("usage-row").filter({ hasText: "Website" })).toContainText("120");
  await expect(page.getByTestId("usage-row").filter({ hasText: "Data Lake" })).toContainText("40");
  await expect(chart.locator("rect")).not.toHaveCount(0);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  expect((await download).suggestedFilename()).toBe(`${id}-usage.csv`);
  await screenshot(page, "panel-usage");
});

test("serves the panel for its own routes and leaves /api, /openapi and /health to the server", async ({ request }) => {
  const page = await request.get("/customers/acme/history");
  expect(page.headers()["content-type"]).toContain("text/html");
  expect(await page.text()).toContain('<div id="root">');

  const unknownApi = await request.get("/api/no-such-route");
  expect(unknownApi.status()).toBe(404);
  expect(unknownApi.headers()["content-type"]).toContain("application/problem+json");

  expect((await request.get("/openapi/v1.json")).headers()["content-type"]).toContain("application/json");
  expect(await (await request.get("/health")).text()).toBe("ok");
});

test("explains an edit that lost to someone else's change (412)", async ({ page, api }) => {
  const id = uniqueId("edit");
  await api("POST", "/api/customers", { id, name: "Before Ltd" });
  await signIn(page, process.env.OPERATOR_TOKEN!);
  await page.goto(`/customers/${id}`);
  await page.getByRole("button", { name: "Edit" }).click();
  await api("PATCH", `/api/customers/${id}`, { name: "Changed Elsewhere Ltd" });
  const form = page.getByRole("form", { name: "Edit" });
  await form.getByLabel("Name", { exact: true }).fill("Mine Ltd");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("alert")).toContainText("Someone else changed this customer since you opened it");
});

test("speaks German when the user chooses it", async ({ page }) => {
  await signIn(page, process.env.OPERATOR_TOKEN!);
  await page.getByLabel("Language").selectOption("de");
  await expect(page.getByRole("heading", { name: "Kundenkonten" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
});

test("speaks the user's own language without being asked, until they choose another", async ({ browser, api }) => {
  const id = uniqueId("sprache");
  await api("POST", "/api/customers", {
    id,
    name: "Sprache GmbH",
    language: "de",
    admin: { email: `greta@${id}.example`, fullName: "Greta Admin" },
  });
  const greta = await browser.newContext({ locale: "en-US" });
  const page = await greta.newPage();
  await page.goto(await emailedLink(`greta@${id}.example`, "/invitations/accept"));
  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Development token").fill(mintToken(`greta-${id}`, `greta@${id}.example`, "Greta Admin"));
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Accept invitation" }).click();

  // Her membership's language is the account's (German): the panel speaks it though her browser asks for English.
  await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /Sprache GmbH/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
  await page.getByLabel("Sprache", { exact: true }).selectOption("en");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await greta.close();
});

test("registers on the public page and confirms from the emailed link after signing in", async ({ page, browser }) => {
  const id = uniqueId("selfreg");
  await signIn(page, process.env.OPERATOR_TOKEN!);
  await page.getByRole("link", { name: "Platform settings" }).click();
  const settings = page.getByRole("form", { name: "Platform settings" });
  await settings.getByLabel("Self-registration").selectOption("open");
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(settings.getByText("Saved.")).toBeVisible();

  const rita = await browser.newContext({ locale: "en-US" });
  const ritaPage = await rita.newPage();
  await ritaPage.goto("/register");
  await ritaPage.getByLabel("Name", { exact: true }).fill("Rita Robotics");
  await ritaPage.getByLabel("Identifier").fill(id);
  await ritaPage.getByLabel("Email", { exact: true }).fill(`rita@${id}.example`);
  await ritaPage.getByLabel("Full name").fill("Rita Registrant");
  await ritaPage.getByRole("button", { name: "Register" }).click();
  await expect(ritaPage.getByRole("status")).toContainText("Check your email");

  // The link opens signed out: sign in first, come back, confirm.
  await ritaPage.goto(await emailedLink(`rita@${id}.example`, "/registrations/confirm"));
  await ritaPage.getByRole("link", { name: "Sign in" }).click();
  await ritaPage.getByLabel("Development token").fill(mintToken(`rita-${id}`, `rita@${id}.example`, "Rita Registrant"));
  await ritaPage.getByRole("button", { name: "Sign in" }).click();
  await ritaPage.getByRole("button", { name: "Confirm" }).click();
  await expect(ritaPage.getByRole("status")).toContainText("Rita Robotics");
  await ritaPage.getByRole("link", { name: "Rita Robotics" }).click();
  await expect(ritaPage.getByRole("heading", { name: /Rita Robotics/ })).toBeVisible();
  await rita.close();
});

test("exports the history as CSV and shows a message to the customer's users at login", async ({ page, browser, api }) => {
  const id = uniqueId("notice");
  await api("POST", "/api/customers", { id, name: "Notice AG", admin: { email: `nina@${id}.example`, fullName: "Nina Admin" } });
  const nina = await browser.newContext({ locale: "en-US" });
  const ninaPage = await nina.newPage();
  await ninaPage.goto(await emailedLink(`nina@${id}.example`, "/invitations/accept"));
  await ninaPage.getByRole("link", { name: "Sign in" }).click();
  await ninaPage.getByLabel("Development token").fill(mintToken(`nina-${id}`, `nina@${id}.example`, "Nina Admin"));
  await ninaPage.getByRole("button", { name: "Sign in" }).click();
  await ninaPage.getByRole("button", { name: "Accept invitation" }).click();
  await expect(ninaPage.getByRole("status")).toContainText("Welcome!");

  await signIn(page, process.env.OPERATOR_TOKEN!);
  await page.goto(`/customers/${id}/history`);
  await expect(page.getByTestId("history-row").first()).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  expect((await download).suggestedFilename()).toBe(`${id}-history.csv`);

  await page.getByRole("link", { name: "Messages" }).click();
  const form = page.getByRole("form", { name: "Send message" });
  await form.getByLabel("Subject").fill("Maintenance on Sunday");
  await form.getByLabel("Message").fill("The platform is read-only from 02:00 to 04:00 UTC.");
  await form.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByRole("heading", { name: "Maintenance on Sunday" })).toBeVisible();

  await ninaPage.goto("/");
  const notices = ninaPage.getByRole("region", { name: "Messages for you" });
  await expect(notices).toContainText("Maintenance on Sunday");
  await notices.getByRole("button", { name: "Got it" }).click();
  await expect(notices).toHaveCount(0);
  await nina.close();
});

test("a partner admin works in their partner account: its customers, invitation links, settings and messages", async ({ page, api }) => {
  const partner = uniqueId("reseller");
  await api("PUT", "/api/settings", { selfRegistration: "approvalRequired", invitationLinks: true, deletionGraceDays: 10 });
  await api("POST", "/api/customers", { id: partner, name: "Reseller KG", kind: "partner" });
  const invitation = await api<{ id: string }>("POST", `/api/customers/${partner}/invitations`, {
    email: `pat@${partner}.example`,
    fullName: "Pat Partner",
    role: "partnerAdmin",
  });
  expect(invitation.id).toBeTruthy();
  const patToken = mintToken(`pat-${partner}`, `pat@${partner}.example`, "Pat Partner");
  await page.goto(await emailedLink(`pat@${partner}.example`, "/invitations/accept"));
  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Development token").fill(patToken);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await expect(page.getByRole("status")).toContainText("Reseller KG");

  await page.goto("/");
  await expect(page.getByTestId("account-switcher")).toHaveValue(partner);
  await page.getByRole("button", { name: "New customer" }).click();
  const form = page.getByRole("form", { name: "Create a customer" });
  await form.getByLabel("Identifier").fill(`${partner}-c1`);
  await form.getByLabel("Name", { exact: true }).fill("First Client");
  await form.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name: /First Client/ })).toBeVisible();

  await page.getByRole("link", { name: "Invitation links" }).click();
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await expect(page.getByRole("cell", { name: "active" })).toBeVisible();
  await expect(page.getByTestId("new-link")).toContainText("/register?token=");
  await expect(page.getByRole("row").filter({ hasText: "active" }).getByRole("button", { name: "Copy link" })).toBeVisible();

  await page.getByRole("link", { name: "Partner settings" }).click();
  const settings = page.getByRole("form", { name: "Partner settings" });
  await settings.getByLabel("Deletion notices go to").selectOption("allMembers");
  await settings.getByLabel("Also notify").fill(`deletions@${partner}.example`);
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(settings.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(settings.getByLabel("Deletion notices go to")).toHaveValue("allMembers");
  await expect(settings.getByLabel("Also notify")).toHaveValue(`deletions@${partner}.example`);

  await page.goto(`/customers/${partner}-c1/messages`);
  const message = page.getByRole("form", { name: "Send message" });
  await message.getByLabel("Subject").fill("Admins only");
  await message.getByLabel("Message").fill("New invoices from next month.");
  await message.getByLabel("Audience").selectOption("admins");
  await message.getByRole("button", { name: "Send message" }).click();
  const sent = page.locator("article").filter({ has: page.getByRole("heading", { name: "Admins only" }) });
  await expect(sent).toContainText("Admins");

  // A message to every customer: accepted at once, then delivered to each customer by the server's queue worker.
  await page.getByRole("link", { name: "Message to all customers" }).click();
  const everyone = page.getByRole("form", { name: "Message to all customers" });
  await everyone.getByLabel("Subject").fill("Maintenance on Sunday");
  await everyone.getByLabel("Message").fill("The portal pauses from 02:00 to 03:00.");
  await everyone.getByRole("button", { name: "Send message" }).click();
  await expect(everyone.getByRole("status")).toContainText("Accepted");
  await expect(async () => {
    await page.goto(`/customers/${partner}-c1/messages`);
    await expect(page.getByRole("heading", { name: "Maintenance on Sunday" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20000 });

  // Pat joins the new customer too; the switcher then moves the whole panel (nav, list) between the two accounts.
  await page.goto(`/customers/${partner}-c1`);
  await page.getByRole("button", { name: "Add myself as admin" }).click();
  const switcher = page.getByTestId("account-switcher");
  await expect(switcher.locator("option")).toHaveCount(2);
  await switcher.selectOption(`${partner}-c1`);
  await expect(page).toHaveURL(new RegExp(`/customers/${partner}-c1$`));
  await expect(page.getByRole("link", { name: "Invitation links" })).toHaveCount(0);
  await page.getByRole("link", { name: "Customer Accounts" }).click();
  await expect(page).toHaveURL(new RegExp(`/customers/${partner}-c1$`));
  await switcher.selectOption(partner);
  await expect(page.getByRole("link", { name: "Invitation links" })).toBeVisible();
  await expect(page.getByTestId("customer-row").filter({ hasText: "First Client" })).toBeVisible();
});
