import { execFileSync } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, readdirSync } from "node:fs";
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { ImapFlow } from "imapflow";

// A real IMAP server for tests: Debian's Dovecot (scripts/ensure-dovecot.sh
// installs it), started on a free loopback port with a throw-away config, one
// user in a passwd-file and a maildir, all under a temporary folder. Dovecot
// daemonises; it is stopped by the pid it writes. Mail processes run as
// nobody (Dovecot refuses root for them), so the home is chowned to nobody.

const DOVECOT = process.env.DOVECOT_PATH ?? "/usr/sbin/dovecot";

export interface Dovecot {
  port: number;
  user: string;
  password: string;
  /** IMAP_URL for the reader: imap://user:pass@127.0.0.1:port/INBOX */
  url: string;
  /** starts Dovecot again (after stop) on the same port, with the same mail */
  start(): Promise<void>;
  /** stops Dovecot: every open connection is dropped */
  stop(): Promise<void>;
  /** stops Dovecot and removes its folder */
  dispose(): Promise<void>;
  append(raw: Buffer | string, mailbox?: string): Promise<void>;
  /** messages in a folder (0 when it does not exist) */
  count(mailbox: string): Promise<number>;
  /** a fresh connected client, for a test's own checks; log out when done */
  client(): Promise<ImapFlow>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Processes whose parent is pid (Linux /proc). */
function children(pid: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // the fields after the command's closing parenthesis: state, then the parent's pid
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function until(what: string, test: () => Promise<boolean> | boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`Dovecot: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** What the server announces when it must not offer IDLE (Dovecot's own list, less IDLE and NOTIFY). */
const WITHOUT_IDLE =
  "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE SORT THREAD=REFERENCES MULTIAPPEND UNSELECT CHILDREN NAMESPACE " +
  "UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE ESEARCH SEARCHRES WITHIN LIST-STATUS BINARY MOVE LITERAL+";

function config(dir: string, port: number, idle: boolean): string {
  return `# throw-away Dovecot for Embargo's tests
${idle ? "" : `imap_capability = ${WITHOUT_IDLE}`}
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
info_log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=${dir}/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`;
}

/** Starts Dovecot; `idle: false` makes it announce no IDLE, as some servers do, so the reader has to poll. */
export async function startDovecot({ idle = true }: { idle?: boolean } = {}): Promise<Dovecot> {
  if (!existsSync(DOVECOT)) throw new Error(`Dovecot is missing at ${DOVECOT}: run scripts/ensure-dovecot.sh`);
  const dir = await mkdtemp(path.join(tmpdir(), "embargo-dovecot-"));
  // the unprivileged login and mail processes must reach their sockets and the maildir below it
  await chmod(dir, 0o755);
  const port = await freePort();
  const user = "security";
  const password = "dovecot-test-password";
  await mkdir(path.join(dir, "home", user), { recursive: true });
  const nobody = Number(execFileSync("id", ["-u", "nobody"]).toString().trim());
  const nogroup = Number(execFileSync("getent", ["group", "nogroup"]).toString().split(":")[2]);
  await chown(path.join(dir, "home"), nobody, nogroup);
  await chown(path.join(dir, "home", user), nobody, nogroup);
  await writeFile(path.join(dir, "passwd"), `${user}:{PLAIN}${password}\n`);
  const conf = path.join(dir, "dovecot.conf");
  await writeFile(conf, config(dir, port, idle));

  let pid = 0;
  const start = async () => {
    try {
      // the daemon keeps whatever stdio it is given: hand it no pipe, or this call waits for it to exit
      const errors = openSync(path.join(dir, "start.err"), "w");
      try {
        execFileSync(DOVECOT, ["-c", conf], { stdio: ["ignore", "ignore", errors] });
      } finally {
        closeSync(errors);
      }
    } catch (error) {
      const log = [
        await readFile(path.join(dir, "start.err"), "utf8").catch(() => ""),
        await readFile(path.join(dir, "dovecot.log"), "utf8").catch(() => ""),
      ].join("\n");
      throw new Error(`Dovecot did not start: ${(error as Error).message}\n${log.slice(-2000)}`);
    }
    await until("its pid file", () => existsSync(path.join(dir, "run", "master.pid")));
    pid = Number((await readFile(path.join(dir, "run", "master.pid"), "utf8")).trim());
    await until(`port ${port}`, () => listening(port));
  };
  const stop = async () => {
    if (!pid || !alive(pid)) return;
    // the session processes may linger a few seconds after the master goes: end them at once, so every client
    // sees its connection drop now, as in a crash or a network cut
    for (const child of children(pid)) process.kill(child, "SIGKILL");
    process.kill(pid, "SIGTERM");
    await until("it to stop", () => !alive(pid));
    await until(`port ${port} to close`, async () => !(await listening(port)));
    pid = 0;
  };
  const client = async () => {
    const c = new ImapFlow({
      host: "127.0.0.1",
      port,
      secure: false,
      auth: { user, pass: password },
      logger: false,
      disableAutoIdle: true,
    });
    await c.connect();
    return c;
  };
  await start();
  return {
    port,
    user,
    password,
    url: `imap://${user}:${password}@127.0.0.1:${port}/INBOX`,
    start,
    stop,
    async dispose() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
    async append(raw, mailbox = "INBOX") {
      const c = await client();
      try {
        await c.append(mailbox, raw);
      } finally {
        await c.logout();
      }
    },
    async count(mailbox) {
      const c = await client();
      try {
        const status = await c.status(mailbox, { messages: true }).catch(() => false as const);
        return status ? (status.messages ?? 0) : 0;
      } finally {
        await c.logout();
      }
    },
    client,
  };
}
