import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router-dom";
import { configureApi } from "./api/client";
import { App } from "./app/App";
import { loadConfig } from "./app/config";
import { SessionProvider } from "./auth/session";
import { CurrentAccountProvider } from "./features/me/currentAccount";
import { I18nProvider } from "./i18n/i18n";
import "./styles.css";

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

void loadConfig().then((config) => {
  configureApi(config.apiBaseUrl);
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <SessionProvider config={config}>
            <CurrentAccountProvider>
              <BrowserRouter>
                <App />
              </BrowserRouter>
            </CurrentAccountProvider>
          </SessionProvider>
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
});
