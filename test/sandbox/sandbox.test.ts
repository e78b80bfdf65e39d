import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectSandbox } from "@/lib/sandbox/detect-sandbox";
import { runPython } from "@/lib/sandbox/run-python";

/** The python3 sandbox against hostile programs: each is stopped or denied, reported, and this process lives on. */
const MB = 1024 * 1024;
// Generous: the machine may be busy; tests of the limits set their own.
const quick = { timeoutMs: 20_000, memoryBytes: 256 * MB };

function sandboxDirs(): Set<string> {
  return new Set(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith("syllabus-sandbox-")));
}

describe("sandbox", () => {
  it("runs a normal program: passed, output captured, stderr interleaved in order", async () => {
    const r = await runPython({ ...quick, code: "import sys\nprint('one')\nprint('two', file=sys.stderr)\nprint('three')\n" });
    expect(r).toMatchObject({ status: "passed", exitCode: 0, signal: null, output: "one\ntwo\nthree\n" });
    expect(r.denied).toBeUndefined();
    expect(r.durationMs).toBeGreaterThan(0);
  });

  it("an assert failure is 'failed' with the traceback (the program's own lines, not the sandbox's)", async () => {
    const r = await runPython({ ...quick, code: "def add(a, b):\n    return a - b\n\nassert add(2, 2) == 4, 'add is wrong'\n" });
    expect(r.status).toBe("failed");
    expect(r.exception).toBe("AssertionError");
    expect(r.output).toMatch(/Traceback \(most recent call last\):\n {2}File "program\.py", line 4, in <module>/);
    expect(r.output).toMatch(/AssertionError: add is wrong/);
    expect(r.output).not.toMatch(/<string>/);
  });

  it("another exception is 'error'", async () => {
    const r = await runPython({ ...quick, code: "print({}['missing'])" });
    expect(r).toMatchObject({ status: "error", exception: "KeyError" });
    expect(r.output).toMatch(/KeyError: 'missing'/);
  });

  it("an infinite loop times out: the process group is killed at the wall-clock limit", async () => {
    const r = await runPython({ code: "while True:\n    pass\n", timeoutMs: 1_500 });
    expect(r.status).toBe("timeout");
    expect(r.signal).toBe("SIGKILL");
    expect(r.reason).toMatch(/wall-clock limit/);
    expect(r.durationMs).toBeGreaterThanOrEqual(1_400);
  });

  it("the CPU-time limit stops a busy loop even when the wall-clock limit is far away", async () => {
    const r = await runPython({ code: "while True:\n    pass\n", timeoutMs: 30_000, cpuSeconds: 1 });
    expect(r.status).toBe("timeout");
    expect(r.reason).toMatch(/CPU-time limit|wall-clock/);
  });

  it("unbounded memory allocation is stopped by the memory limit and reported as killed", async () => {
    const r = await runPython({ ...quick, code: "chunks = []\nwhile True:\n    chunks.append(bytearray(10 * 1024 * 1024))\n" });
    expect(r.status).toBe("killed");
    expect(r.reason).toMatch(/memory/i);
  });

  it("opening a socket or connecting is denied and reported", async () => {
    const r = await runPython({ ...quick, code: "import socket\ns = socket.create_connection(('127.0.0.1', 5432), timeout=1)\nprint('connected')\n" });
    expect(r.status).toBe("error");
    expect(r.denied).toMatch(/network access \(socket\./);
    expect(r.output).toMatch(/PermissionError: \[sandbox\] network access/);
    expect(r.output).not.toMatch(/connected/);
    // Name resolution and urllib are network too.
    const dns = await runPython({ ...quick, code: "import socket\nsocket.getaddrinfo('example.com', 80)\n" });
    expect(dns.denied).toMatch(/network access/);
    const url = await runPython({ ...quick, code: "import urllib.request\nurllib.request.urlopen('http://127.0.0.1:1/')\n" });
    expect(url.denied).toMatch(/network access/);
  });

  it("a caught denial still reports what was denied", async () => {
    const r = await runPython({ ...quick, code: "import socket\ntry:\n    socket.socket().connect(('10.0.0.1', 80))\nexcept PermissionError:\n    print('caught')\n" });
    expect(r.status).toBe("passed");
    expect(r.output).toBe("caught\n");
    expect(r.denied).toMatch(/network access/);
  });

  it("writing, renaming or removing outside the temp dir is denied; inside it is fine, and the dir is deleted afterwards", async () => {
    const outside = path.join(os.tmpdir(), `syllabus-sandbox-escape-${process.pid}.txt`);
    const before = sandboxDirs();
    const r = await runPython({ ...quick, code: `open(${JSON.stringify(outside)}, "w").write("escaped")\n` });
    expect(r.status).toBe("error");
    expect(r.denied).toMatch(/open for writing outside the sandbox directory/);
    expect(fs.existsSync(outside)).toBe(false);

    const victim = path.join(os.tmpdir(), `syllabus-sandbox-victim-${process.pid}.txt`);
    fs.writeFileSync(victim, "keep me");
    try {
      for (const code of [`import os\nos.remove(${JSON.stringify(victim)})`, `import os\nos.rename(${JSON.stringify(victim)}, "mine.txt")`, `import shutil\nshutil.rmtree(${JSON.stringify(os.tmpdir())})`]) {
        const d = await runPython({ ...quick, code });
        expect(d.denied, code).toMatch(/outside the sandbox directory/);
      }
      expect(fs.readFileSync(victim, "utf8")).toBe("keep me");
    } finally {
      fs.rmSync(victim, { force: true });
    }

    const inside = await runPython({ ...quick, code: "import os, tempfile, pathlib\npathlib.Path('data.txt').write_text('x' * 10)\nos.makedirs('sub/dir')\nos.rename('data.txt', 'sub/dir/d.txt')\nfd, p = tempfile.mkstemp()\nos.close(fd)\nprint(len(open('sub/dir/d.txt').read()), os.path.dirname(p) == os.getcwd())\n" });
    expect(inside).toMatchObject({ status: "passed", output: "10 True\n" });
    expect(inside.denied).toBeUndefined();
    expect(sandboxDirs()).toEqual(before);
  });

  it("reading outside the Python installation and the temp dir is denied (the app's files and secrets stay private)", async () => {
    const secret = path.resolve(import.meta.dirname, "sandbox.test.ts");
    const r = await runPython({ ...quick, code: `print(open(${JSON.stringify(secret)}).read()[:10])` });
    expect(r.denied).toMatch(/^open of /);
    const env = await runPython({ ...quick, code: "import os\nprint(sorted(os.environ))" });
    // Nothing of ours (DATABASE_URL, keys…): PATH, HOME and TMPDIR, plus LC_CTYPE when Python coerces a C locale.
    const names = JSON.parse(env.output.trim().replace(/'/g, '"')) as string[];
    expect(names.filter((n) => n !== "LC_CTYPE")).toEqual(["HOME", "PATH", "TMPDIR"]);
  });

  it("a fork bomb, subprocess, os.system and signalling the parent are denied; this process survives", async () => {
    const cases = [
      "import os\nwhile True:\n    os.fork()\n",
      "import subprocess\nsubprocess.run(['sh', '-c', 'echo hi'])\n",
      "import os\nos.system('echo hi')\n",
      "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n",
      "import multiprocessing\np = multiprocessing.Process(target=print)\np.start()\n",
      "import ctypes\n",
    ];
    for (const code of cases) {
      const r = await runPython({ ...quick, code });
      expect(r.status, code).toBe("error");
      expect(r.denied, code).toMatch(/starting or signalling processes|ctypes/);
    }
    expect(process.kill(process.pid, 0)).toBe(true);
  });

  it("runs cells in one namespace and reports the failing one; stdlib features work (doctest, dataclasses, asyncio, exit)", async () => {
    const cells = await runPython({ ...quick, cells: ["x = 2", "print(x * 21)", "print(undefined_name)", "print('never')"] });
    expect(cells).toMatchObject({ status: "error", failedBlock: 3, exception: "NameError" });
    expect(cells.output).toMatch(/^42\n\[block 3 of 4 failed\]\nTraceback[\s\S]*File "block-3\.py", line 1/);
    expect(cells.output).not.toMatch(/never/);

    const stdlib = await runPython({
      ...quick,
      code: [
        "import asyncio, dataclasses, doctest, json, re, zoneinfo",
        "@dataclasses.dataclass(frozen=True)",
        "class P:",
        "    x: int",
        "def double(n):",
        '    """',
        "    >>> double(4)",
        "    8",
        '    """',
        "    return 2 * n",
        "async def main():",
        "    await asyncio.sleep(0)",
        "    return P(1)",
        "print(asyncio.run(main()), doctest.testmod().failed, json.dumps({'a': 1}))",
        "exit(0)",
      ].join("\n"),
    });
    expect(stdlib).toMatchObject({ status: "passed", output: "P(x=1) 0 {\"a\": 1}\n" });
    const unittestFail = await runPython({ ...quick, code: "import unittest\nclass T(unittest.TestCase):\n    def test_x(self):\n        self.assertEqual(1, 2)\nunittest.main()\n" });
    expect(unittestFail).toMatchObject({ status: "failed", exitCode: 1 });
  });

  it("output is truncated to its head and tail", async () => {
    const r = await runPython({ code: "import sys\nsys.stdout.write(''.join('line %d\\n' % i for i in range(100000)))\nraise ValueError('the end')\n", timeoutMs: 30_000, maxOutputBytes: 8 * 1024 });
    expect(r.status).toBe("error");
    expect(r.output.length).toBeLessThan(9 * 1024);
    expect(r.output.startsWith("line 0\n")).toBe(true);
    expect(r.output).toMatch(/bytes of output not kept/);
    expect(r.output).toMatch(/ValueError: the end\n$/);
  });

  it("an aborted run is killed at once", async () => {
    const controller = new AbortController();
    const running = runPython({ code: "import time\ntime.sleep(30)", timeoutMs: 60_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    const r = await running;
    expect(r).toMatchObject({ status: "killed", reason: "aborted" });
    expect(r.durationMs).toBeLessThan(20_000);
  });

  it("never throws: bad input comes back as an error result", async () => {
    expect(await runPython({})).toMatchObject({ status: "error", output: expect.stringMatching(/nothing to run/) });
    expect((await runPython({ ...quick, code: "def broken(:\n" })).output).toMatch(/SyntaxError/);
  });

  it("reports how network access is cut on this machine", async () => {
    const env = await detectSandbox();
    expect(env.python).toMatch(/^\//);
    expect(["namespace", "audit-hook"]).toContain(env.network);
  });
});
