import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export type SandboxEnvironment = {
  /** Absolute path of the Python interpreter (a pyenv or asdf shim resolved to the real binary). */
  python: string;
  pythonVersion: string;
  /** Command prefix that puts the process in a new network namespace, or [] when the machine allows none. */
  netPrefix: string[];
  /** How network access is cut: a new network namespace (and the audit hook), or the audit hook only. */
  network: "namespace" | "audit-hook";
};

const MIN_PATH = "/usr/local/bin:/usr/bin:/bin";

function run(file: string, args: string[], timeoutMs = 10_000): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: timeoutMs, env: { PATH: process.env.PATH ?? MIN_PATH, HOME: process.env.HOME ?? "/" } as unknown as NodeJS.ProcessEnv }, (error, stdout, stderr) =>
      resolve({ ok: !error, stdout: String(stdout), stderr: String(stderr) }),
    );
  });
}

function which(name: string): string | null {
  for (const dir of (process.env.PATH ?? MIN_PATH).split(path.delimiter).concat(MIN_PATH.split(":"))) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // next
    }
  }
  return null;
}

async function detect(): Promise<SandboxEnvironment> {
  const configured = process.env.SYLLABUS_PYTHON?.trim() || "python3";
  // The sandbox runs with an empty environment, where version-manager shims (pyenv…) cannot work: ask the
  // interpreter for its real path once, with ours.
  const probe = await run(configured, ["-c", "import sys; print(sys.executable); print('%d.%d.%d' % sys.version_info[:3])"]);
  const [exe, version] = probe.stdout.trim().split("\n");
  if (!probe.ok || !exe || !path.isAbsolute(exe)) {
    throw new Error(`cannot run Python: "${configured}" failed (${(probe.stderr.trim() || "not found").split("\n").at(-1)}); install python3 or set SYLLABUS_PYTHON`);
  }
  if (!/^3\.(\d+)/.test(version) || Number(/^3\.(\d+)/.exec(version)![1]) < 8) throw new Error(`Python ${version} is too old for the sandbox (needs 3.8+, for audit hooks)`);

  let netPrefix: string[] = [];
  const unshare = process.env.SYLLABUS_SANDBOX_UNSHARE === "0" ? null : which("unshare");
  if (unshare) {
    // -r maps us to root in a new user namespace, which lets an unprivileged user make the network namespace;
    // plain -n works for root when user namespaces are disabled.
    for (const flags of [["-r", "-n"], ["-n"]]) {
      const test = await run(unshare, [...flags, "--", exe, "-c", "import socket; socket.create_connection(('1.1.1.1', 53), timeout=0.5)"], 5_000);
      const noNetwork = !test.ok && /Network is unreachable|Errno 101|No route|timed out/i.test(test.stderr);
      if (noNetwork) {
        netPrefix = [unshare, ...flags, "--"];
        break;
      }
    }
  }
  return { python: exe, pythonVersion: version, netPrefix, network: netPrefix.length ? "namespace" : "audit-hook" };
}

const cache = globalThis as { __syllabusSandboxEnv?: Promise<SandboxEnvironment> };

/**
 * What this machine offers the sandbox, checked once per process: the real Python binary, and whether
 * `unshare` can give the child an empty network namespace (it needs user namespaces or root). A failed
 * check is not cached, so installing Python fixes a running worker.
 */
export function detectSandbox(): Promise<SandboxEnvironment> {
  if (!cache.__syllabusSandboxEnv) {
    cache.__syllabusSandboxEnv = detect();
    cache.__syllabusSandboxEnv.catch(() => (cache.__syllabusSandboxEnv = undefined));
  }
  return cache.__syllabusSandboxEnv;
}
