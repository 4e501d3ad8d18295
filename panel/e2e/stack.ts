// Starts what the browser tests run against: Azurite (in memory) and src/Server on free 127.0.0.1 ports, with the
// built panel served by src/Server at "/", emails written as .eml files into a temporary folder.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const repo = resolve(import.meta.dirname, "..", "..");
const serverDll = join(repo, "src/Server/bin/Debug/net10.0/CustomerFunctions.Server.dll");
const azurite = join(repo, "tools/azurite/node_modules/azurite/dist/src/azurite.js");
const accountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
export const signingKey = "e2e-development-signing-key-0123456789abcdef";

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function waitFor(url: string, process: ChildProcess, seconds = 120) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (process.exitCode !== null) throw new Error(`${url}: the process exited with ${process.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

export type Stack = { url: string; mailDirectory: string; stop: () => void };

export async function startStack(): Promise<Stack> {
  for (const [path, hint] of [
    [serverDll, "dotnet build src/Server"],
    [azurite, "(cd tools/azurite && npm ci)"],
    [join(repo, "panel/dist/index.html"), "(cd panel && npm run build)"],
  ]) {
    if (!existsSync(path)) throw new Error(`${path} is missing: run ${hint} first`);
  }
  const [blob, queue, table, http] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const workspace = mkdtempSync(join(tmpdir(), "panel-e2e-"));
  const mailDirectory = join(workspace, "mail");
  const processes: ChildProcess[] = [];
  const stop = () => processes.forEach((p) => p.exitCode === null && p.kill());

  const storage = spawn(
    "node",
    [
      azurite,
      "--silent",
      "--skipApiVersionCheck",
      "--loose",
      "--disableTelemetry",
      "--inMemoryPersistence",
      "--blobHost",
      "127.0.0.1",
      "--blobPort",
      `${blob}`,
      "--queueHost",
      "127.0.0.1",
      "--queuePort",
      `${queue}`,
      "--tableHost",
      "127.0.0.1",
      "--tablePort",
      `${table}`,
    ],
    { stdio: ["ignore", "ignore", "inherit"], cwd: workspace },
  );
  processes.push(storage);
  await waitFor(`http://127.0.0.1:${table}/`, storage, 60);

  const endpoint = (port: number) => `http://127.0.0.1:${port}/devstoreaccount1`;
  const url = `http://127.0.0.1:${http}`;
  const server = spawn("dotnet", [serverDll, "--urls", url], {
    cwd: join(repo, "src/Server"),
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: "Development",
      AzureWebJobsStorage: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${accountKey};BlobEndpoint=${endpoint(blob)};QueueEndpoint=${endpoint(queue)};TableEndpoint=${endpoint(table)};`,
      Auth__DevelopmentSigningKey: signingKey,
      Email__Provider: "pickup",
      Email__PickupDirectory: mailDirectory,
      Panel__BaseUrl: url,
      Panel__DistDirectory: join(repo, "panel/dist"),
      Logging__LogLevel__Default: "Warning",
    },
  });
  processes.push(server);
  try {
    await waitFor(`${url}/health`, server);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, mailDirectory, stop };
}

/** A development token from the server's own `mint-token` command. */
export function mintToken(sub: string, email: string, name: string, operator = false): string {
  const args = [
    serverDll,
    "mint-token",
    "--sub",
    sub,
    "--email",
    email,
    "--name",
    name,
    "--key",
    signingKey,
    ...(operator ? ["--operator"] : []),
  ];
  return execFileSync("dotnet", args, { encoding: "utf8" }).trim();
}
