import { HashTable } from "./hash-token";

/**
 * Words the extractor reacts to. One table for every language: a keyword of one language used as a plain
 * name in another is rare, and a single lookup keeps the scan language-independent.
 * Codes below KEYWORD_LIMIT are keywords (excluded from identifier statistics); the others are ordinary
 * identifiers that also carry a role.
 */
export const R = {
  DEF: 1,
  CLASS: 2,
  IMPORT: 3,
  FROM: 4,
  FUNCTION: 5,
  CONTROL: 6,
  ASYNC: 7,
  IF: 8,
  OTHER_KEYWORD: 9,
  USE: 10,
  ASSERT: 11,
  KEYWORD_LIMIT: 32,
  PRINT: 33,
  LOGGING: 34,
  TEST: 35,
  DUNDER_NAME: 36,
  MAIN: 37,
  REQUIRE: 38,
  INCLUDE: 39,
  TODO: 40,
  CONSOLE: 41,
} as const;

const KEYWORDS: Record<number, string> = {
  [R.DEF]: "def",
  [R.CLASS]: "class struct interface trait",
  [R.IMPORT]: "import",
  [R.FROM]: "from",
  [R.FUNCTION]: "function func fn fun sub",
  // The C-style function heuristic skips `name(…) {` when name is one of these.
  [R.CONTROL]: "for while switch catch elif with foreach synchronized using lock return sizeof typeof",
  [R.ASYNC]: "async",
  [R.IF]: "if",
  [R.USE]: "use package",
  [R.ASSERT]: "assert",
  [R.OTHER_KEYWORD]:
    "else in as try except finally raise pass break continue lambda yield global nonlocal del not and or is " +
    "none true false await var let const new this self public private protected static void int float double char " +
    "long short unsigned signed bool boolean enum case default do instanceof throws throw extends implements " +
    "impl mut pub mod match loop where type go defer chan map range select nil null undefined final abstract " +
    "override virtual export namespace template typename auto extern volatile register goto end then fi done " +
    "begin elsif unless until",
  [R.PRINT]: "print println printf puts echo pprint",
  [R.LOGGING]: "logging logger log",
  [R.TEST]: "unittest pytest testcase mock fixture expect describe",
  [R.DUNDER_NAME]: "__name__",
  [R.MAIN]: "main",
  [R.REQUIRE]: "require",
  [R.INCLUDE]: "include",
  [R.TODO]: "todo fixme xxx hack",
  [R.CONSOLE]: "console",
};

const ROLE_ENTRIES = Object.entries(KEYWORDS).flatMap(([code, words]) => words.split(" ").map((w) => [w, Number(code)] as const));

export const TOKEN_ROLES = new HashTable(ROLE_ENTRIES, 11);

/** Shortest and longest word with a role: identifiers outside this range skip the lookup. */
export const ROLE_WORD_LENGTHS = {
  min: Math.min(...ROLE_ENTRIES.map(([w]) => w.length)),
  max: Math.max(...ROLE_ENTRIES.map(([w]) => w.length)),
};

// Top-level modules of CPython's standard library (3.8–3.13), lowercased like every hashed token.
const PYTHON_STDLIB =
  "__future__ abc argparse array ast asynchat asyncio asyncore atexit audioop base64 bdb binascii bisect builtins bz2 " +
  "calendar cgi cgitb chunk cmath cmd code codecs codeop collections colorsys compileall concurrent configparser " +
  "contextlib contextvars copy copyreg cprofile crypt csv ctypes curses dataclasses datetime dbm decimal difflib dis " +
  "doctest email encodings enum errno faulthandler fcntl filecmp fileinput fnmatch fractions ftplib functools gc " +
  "getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac html http imaplib imghdr imp importlib inspect io " +
  "ipaddress itertools json keyword linecache locale logging lzma mailbox marshal math mimetypes mmap modulefinder " +
  "msvcrt multiprocessing netrc numbers operator optparse os pathlib pdb pickle pickletools pipes pkgutil platform " +
  "plistlib poplib posix pprint profile pstats pty pwd py_compile pyclbr pydoc queue quopri random re readline " +
  "reprlib resource rlcompleter runpy sched secrets select selectors shelve shlex shutil signal site smtplib sndhdr " +
  "socket socketserver sqlite3 ssl stat statistics string stringprep struct subprocess symtable sys sysconfig syslog " +
  "tabnanny tarfile telnetlib tempfile termios textwrap threading time timeit tkinter token tokenize tomllib trace " +
  "traceback tracemalloc tty turtle types typing unicodedata unittest urllib uu uuid venv warnings wave weakref " +
  "webbrowser winreg winsound wsgiref xml xmlrpc zipapp zipfile zipimport zlib zoneinfo";

export const PYTHON_STDLIB_MODULES = new HashTable(
  PYTHON_STDLIB.split(" ").map((w) => [w, 1] as const),
  10,
);
