import { mintToken, startStack } from "./stack";

/** Starts Azurite and src/Server once for all tests; the tests read where from the environment. */
export default async function globalSetup() {
  const stack = await startStack();
  process.env.PANEL_URL = stack.url;
  process.env.PANEL_MAIL = stack.mailDirectory;
  process.env.OPERATOR_TOKEN = mintToken("e2e-operator", "operator@example.com", "Olivia Operator", true);
  return () => stack.stop();
}
