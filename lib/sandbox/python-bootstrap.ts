/**
 * The Python program the sandbox starts (`python3 -I -S -B -u -X utf8 -c BOOTSTRAP <config json>`), before
 * any user code. In order, it:
 *  1. lowers resource limits (CPU seconds, address space, file size, processes, no core dumps);
 *  2. sends stderr to stdout, so output keeps its real interleaving in one pipe;
 *  3. installs an audit hook (PEP 578), which cannot be removed once added, denying: network (every socket
 *     operation except creating AF_UNIX socket pairs, which asyncio needs), starting or signalling processes
 *     (subprocess, os.system, exec*, fork, posix_spawn, kill), ctypes, writes/renames/removals outside the
 *     temp dir, reads outside the temp dir, the Python installation and a few system data files, and the
 *     introspection that could reach the hook's own state (gc referrers, swapping its __code__);
 *  4. runs the user code as the real `__main__` module (so doctest, dataclasses and pickle behave as under
 *     `python3 file.py`): one program, or "cells" run in order in one namespace like a notebook;
 *  5. reports the outcome on file descriptor 3, one `kind<TAB>value` line each: `result` (passed, failed,
 *     error, memory), `exception` (the exception's type), `denied` (what the hook refused), `block` (the cell
 *     that failed, 1-based), `warn`.
 *
 * The hook is defence in depth: the subprocess also runs in its own network namespace when the machine
 * allows it, in its own process group (killed as a whole on timeout), with an empty environment, in a temp
 * dir deleted afterwards. Keep this stdlib-only and compatible with Python 3.8+.
 */
export const PYTHON_BOOTSTRAP = String.raw`
import sys, os, json, resource

_cfg = json.loads(sys.argv[1])
_ROOT = os.path.realpath(os.getcwd())
_REPORT_FD = 3

def _report(kind, value=""):
    try:
        os.write(_REPORT_FD, (kind + "\t" + str(value).replace("\n", " ")[:500] + "\n").encode("utf-8", "replace"))
    except OSError:
        pass

def _limit(which, soft, hard=None):
    try:
        cur_soft, cur_hard = resource.getrlimit(which)
        hard = soft if hard is None else hard
        if cur_hard != resource.RLIM_INFINITY:
            hard = min(hard, cur_hard)
            soft = min(soft, hard)
        resource.setrlimit(which, (soft, hard))
    except (ValueError, OSError) as e:
        _report("warn", "could not set limit %s: %s" % (which, e))

_limit(resource.RLIMIT_CPU, int(_cfg["cpuSeconds"]), int(_cfg["cpuSeconds"]) + 1)
_limit(resource.RLIMIT_AS, int(_cfg["memoryBytes"]))
_limit(resource.RLIMIT_FSIZE, int(_cfg["fileBytes"]))
_limit(resource.RLIMIT_CORE, 0)
_limit(resource.RLIMIT_NOFILE, 256)
# RLIMIT_NPROC counts every task (process or thread) of the user: inside the sandbox's own user namespace
# that is only the sandbox's tasks (Linux 5.14+), outside it every process the user runs, so it is only
# set in a namespace. Root is exempt either way; the audit hook denies forks regardless.
if _cfg.get("processes") is not None and hasattr(resource, "RLIMIT_NPROC"):
    _limit(resource.RLIMIT_NPROC, int(_cfg["processes"]))

os.dup2(1, 2)

_units = []
for _name in _cfg["files"]:
    with open(os.path.join(_ROOT, _name), encoding="utf-8") as _f:
        _units.append((_name, _f.read()))

import builtins, types, traceback, site
site.setquit()  # exit() and quit(), which -S leaves out

def _install_guard(ROOT, report):
    # Everything the hook uses lives in this closure: after it returns, no name that user code can reach
    # (module globals, frames) refers to the hook or its state. The hook never calls user code (a custom
    # __fspath__ would run inside it), so user code never runs with the hook's frame on the stack.
    realpath, join, getcwd, fsdecode = os.path.realpath, os.path.join, os.getcwd, os.fsdecode
    read_roots = set([ROOT])
    for p in [sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix] + [p for p in sys.path if p]:
        read_roots.add(realpath(p))
    for p in ("/usr/share/zoneinfo", "/usr/lib/locale", "/usr/share/locale", "/etc/localtime", "/etc/mime.types", "/etc/os-release", "/usr/lib/os-release"):
        read_roots.add(p)
    read_roots = tuple(sorted(r.rstrip("/") or "/" for r in read_roots))
    write_roots = (ROOT,)
    devices = frozenset(["/dev/null", "/dev/zero", "/dev/urandom", "/dev/random", "/dev/full"])
    write_flags = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
    af_unix = 1
    process_events = frozenset(["subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty",
        "os.startfile", "os.kill", "os.killpg", "signal.pthread_kill", "pty.spawn", "os.setuid", "os.setgid", "os.setns", "os.unshare"])
    network_events = frozenset(["urllib.Request", "http.client.connect", "http.client.send", "ftplib.connect", "smtplib.connect",
        "imaplib.open", "poplib.connect", "nntplib.connect", "telnetlib.Telnet.open", "webbrowser.open"])
    introspection_events = frozenset(["gc.get_objects", "gc.get_referrers", "gc.get_referents", "sys._current_frames", "sys._current_exceptions"])
    # A tracer sees (and may rewrite) the hook's frame: only doctest, which saves and restores the (absent)
    # tracer around each example, may call settrace.
    doctest_file = realpath(join(os.path.dirname(os.__file__), "doctest.py"))
    getframe = sys._getframe
    write_path_events = frozenset(["os.remove", "os.rmdir", "os.mkdir", "os.truncate", "os.chmod", "os.chown", "os.utime", "os.chflags",
        "os.lchflags", "os.setxattr", "os.removexattr", "os.mkfifo", "os.mknod", "shutil.rmtree", "shutil.chown", "tempfile.mkstemp",
        "tempfile.mkdtemp", "shutil.make_archive"])
    two_path_events = frozenset(["os.rename", "os.link", "os.symlink", "shutil.copyfile", "shutil.copymode", "shutil.copystat",
        "shutil.copytree", "shutil.move"])
    read_path_events = frozenset(["os.listdir", "os.scandir", "glob.glob", "glob.glob/2", "os.listxattr", "os.getxattr", "os.chdir", "os.chroot"])
    first_denial = []

    def under(path, roots):
        for r in roots:
            if path == r or path.startswith(r + "/") or r == "/":
                return True
        return False

    def path_of(p):
        if p is None or isinstance(p, int):
            return None
        if isinstance(p, bytes):
            p = fsdecode(p)
        elif not isinstance(p, str):
            # pathlib paths are fine; any other path-like would run user code inside the hook.
            pl = sys.modules.get("pathlib")
            if pl is None or not isinstance(p, pl.PurePath) or type(p).__str__ is not pl.PurePath.__str__:
                deny("a path given as %s" % type(p).__name__)
            p = pl.PurePath.__str__(p)
        return realpath(join(getcwd(), p))

    def deny(what):
        if not first_denial:
            first_denial.append(what)
            report("denied", what)
        raise PermissionError("[sandbox] %s is not allowed here" % what)

    def check_write(event, p):
        path = path_of(p)
        if path is None or path in devices or under(path, write_roots):
            return
        deny("%s outside the sandbox directory (%s)" % (event, path))

    def check_read(event, p):
        path = path_of(p)
        if path is None or path in devices or under(path, read_roots):
            return
        deny("%s of %s" % (event, path))

    def hook(event, args):
        if event == "open":
            path, mode, flags = (tuple(args) + (None, None, None))[:3]
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (isinstance(flags, int) and flags & write_flags)
            if writing:
                check_write("open for writing", path)
            else:
                check_read("open", path)
        elif event.startswith("socket."):
            if event == "socket.__new__" and len(args) > 1 and args[1] == af_unix:
                return
            if event == "socket.gethostname":
                return
            deny("network access (%s)" % event)
        elif event in network_events:
            deny("network access (%s)" % event)
        elif event in process_events:
            deny("starting or signalling processes (%s)" % event)
        elif event.startswith("ctypes.") or event.startswith("_ctypes"):
            deny("ctypes (%s)" % event)
        elif event in introspection_events:
            deny(event)
        elif event in ("sys.settrace", "sys.setprofile"):
            caller = getframe(1)
            if caller is None or realpath(caller.f_code.co_filename) != doctest_file:
                deny(event)
        elif event in write_path_events:
            check_write(event, args[0] if args else None)
        elif event in two_path_events:
            for p in tuple(args)[:2]:
                if p is not None and not isinstance(p, int):
                    check_write(event, p)
        elif event == "shutil.unpack_archive":
            check_write(event, args[1] if len(args) > 1 else None)
        elif event in read_path_events:
            check_read(event, args[0] if args and args[0] is not None else ".")

    sys.addaudithook(hook)

_main = types.ModuleType("__main__")
_main.__dict__["__builtins__"] = builtins
sys.modules["__main__"] = _main
sys.argv = [_units[0][0] if _units else "program.py"]
sys.path.insert(0, _ROOT)
_install_guard(_ROOT, _report)
del _install_guard

def _finish(kind, exc_type=""):
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:
        pass
    if exc_type:
        _report("exception", exc_type)
    _report("result", kind)

_cells = bool(_cfg.get("cells"))
_index = 0
try:
    for _index, (_name, _source) in enumerate(_units):
        _main.__dict__["__file__"] = os.path.join(_ROOT, _name)
        exec(compile(_source, _name, "exec"), _main.__dict__)
except SystemExit as _e:
    _code = _e.code
    if _code is None or _code == 0 or _code is False:
        _finish("passed")
        os._exit(0)
    if not isinstance(_code, int):
        print(_code, file=sys.stderr)
    if _cells:
        _report("block", _index + 1)
    _finish("failed", "SystemExit")
    os._exit(_code if isinstance(_code, int) and 0 < _code < 256 else 1)
except BaseException as _e:
    _tb = _e.__traceback__.tb_next if _e.__traceback__ is not None else None
    if _cells:
        print("[block %d of %d failed]" % (_index + 1, len(_units)), file=sys.stderr)
    try:
        # Hide the sandbox's own frames (the bootstrap runs as "<string>") from the traceback.
        _te = traceback.TracebackException(type(_e), _e, _tb)
        _seen = set()
        _todo = [_te]
        while _todo:
            _t = _todo.pop()
            if _t is None or id(_t) in _seen:
                continue
            _seen.add(id(_t))
            _t.stack[:] = [_fr for _fr in _t.stack if _fr.filename != "<string>"]
            _todo.extend([_t.__cause__, _t.__context__])
        sys.stderr.write("".join(_te.format()))
    except BaseException:
        print("%s: %s" % (type(_e).__name__, _e), file=sys.stderr)
    if _cells:
        _report("block", _index + 1)
    _kind = "failed" if isinstance(_e, AssertionError) else "memory" if isinstance(_e, MemoryError) else "error"
    _finish(_kind, type(_e).__name__)
    os._exit(1)
_finish("passed")
`;
