import fs from "node:fs";
import path from "node:path";
import { startSmtpPeer } from "../../test-support/smtp-peer.ts";

/**
 * The e2e run's real SMTP peer: a separate process (Playwright starts it as a web server) that writes
 * every message it receives as JSON into a folder the tests read.
 */
const port = Number(process.argv[2] ?? 2599);
const folder = path.resolve(process.argv[3] ?? "test-results/e2e-mail");
fs.rmSync(folder, { recursive: true, force: true });
fs.mkdirSync(folder, { recursive: true });
let count = 0;
await startSmtpPeer({
  port,
  onMail: (mail) => {
    count++;
    fs.writeFileSync(path.join(folder, `${String(count).padStart(4, "0")}.json`), JSON.stringify(mail));
  },
});
console.log(`SMTP peer listening on 127.0.0.1:${port}, writing to ${folder}`);
