/** A bare Fastify route in its own process: the floor against which the today API is compared. */
import Fastify from "fastify";

const app = Fastify({ logger: false });
app.get("/bare", async () => ({ ok: true }));
await app.listen({ port: Number(process.argv[2]), host: "127.0.0.1" });
