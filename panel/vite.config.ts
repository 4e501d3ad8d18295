import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// `npm run dev` serves the panel on :5173 and forwards the API to a server started by scripts/run-local.sh.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { "/api": "http://127.0.0.1:7071", "/openapi": "http://127.0.0.1:7071" },
  },
});
