/* global process, console */
// Runs the built web app (like `next start`) behind a plain Node HTTP server whose only job is to
// record the socket address of each request in a header the client cannot set: every incoming
// value of that header is overwritten. Rate limits key on it, and X-Forwarded-For is believed only
// when this address is a configured proxy (src/lib/security/client-address.ts, TRUSTED_PROXIES).
//
//   node server.mjs [-p PORT] [-H HOST]     (defaults: $PORT or 3000, $HOSTNAME or 0.0.0.0)
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { z } from "zod";

const PEER_HEADER = "x-course-peer-address";

const ArgsSchema = z.object({
  port: z.coerce.number({ error: "the port must be a number" }).int().min(1).max(65535),
  host: z.string().min(1),
});

const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, host: { type: "string", short: "H" } } });
const parsed = ArgsSchema.safeParse({
  port: values.port ?? process.env.PORT ?? "3000",
  host: values.host ?? process.env.HOSTNAME ?? "0.0.0.0",
});
if (!parsed.success) {
  console.error(`server.mjs: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  process.exit(2);
}
const { port, host } = parsed.data;

const app = next({ dev: false, dir: import.meta.dirname, hostname: host, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  void handle(req, res);
});
server.listen(port, host, () => console.log(`web app ready on http://${host}:${port}`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
