import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small real LRS on loopback for forwarding tests: it answers `/about` and takes batches of
 * statements at `/statements` over HTTP, keeping what it was sent. A test can make the next requests
 * fail with a status (a 503, a 400 with a message) to see what the forwarder does with it.
 */
export interface LrsPeer {
  /** The endpoint to name in Beklijf, with a trailing slash. */
  url: string;
  /** Statement ids in the order they were stored (accepted batches only). */
  storedIds: string[];
  /** The Authorization headers the peer saw. */
  authorizations: string[];
  /** Requests to `/statements`, accepted or not. */
  posts: number;
  /** The next `times` statement posts answer `status` with `message`. */
  failNext(times: number, status: number, message?: string): void;
  close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startLrsPeer(): Promise<LrsPeer> {
  const failures: { status: number; message: string }[] = [];
  const peer = {
    storedIds: [] as string[],
    authorizations: [] as string[],
    posts: 0,
  };
  const reply = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };
  const server = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? "/", "http://peer").pathname;
      peer.authorizations.push(request.headers.authorization ?? "");
      if (request.method === "GET" && path === "/xapi/about")
        return reply(response, 200, { version: ["1.0.3", "2.0.0"] });
      if (request.method !== "POST" || path !== "/xapi/statements") return reply(response, 404, {});
      peer.posts++;
      const body = await bodyOf(request);
      const failure = failures.shift();
      if (failure) return reply(response, failure.status, { message: failure.message });
      const statements = JSON.parse(body) as { id: string }[];
      peer.storedIds.push(...statements.map((s) => s.id));
      return reply(
        response,
        200,
        statements.map((s) => s.id),
      );
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(peer, {
    url: `http://127.0.0.1:${port}/xapi/`,
    failNext(times: number, status: number, message = "failing on purpose") {
      for (let i = 0; i < times; i++) failures.push({ status, message });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
