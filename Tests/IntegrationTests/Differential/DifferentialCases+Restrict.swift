/// Differential cases for `\restrict` and `\unrestrict` (psql 18's exec_command_restrict,
/// exec_command_unrestrict and exec_command's refusal of every other meta-command while
/// restricted). The dumps are real plain-format output of psql 18.6's companion pg_dump 18.6
/// (`pg_dump --no-owner` of a database with one schema and table, and of an empty database),
/// kept verbatim; the first is run inside a transaction that is rolled back, so the shared
/// fixture database is unchanged. On servers before 17 the dumps' `SET transaction_timeout`
/// fails: with exec that stops both programs alike, but without it the aborted transaction
/// fails the dump's COPY FROM stdin, whose data both then skip (psql 18.6, CVE-2026-6464).
extension DifferentialCase {
    static let pgDumpNotes = #"""
--
-- PostgreSQL database dump
--

\restrict lLKsoxia4gKM3xQXlJpKSkA9xu54ZWhywLItzrVM6q1FNgwT1nj7kTcmzDOjud9

-- Dumped from database version 18.6
-- Dumped by pg_dump version 18.6

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET transaction_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: dumped; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA dumped;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: notes; Type: TABLE; Schema: dumped; Owner: -
--

CREATE TABLE dumped.notes (
    id integer NOT NULL,
    body text
);


--
-- Name: TABLE notes; Type: COMMENT; Schema: dumped; Owner: -
--

COMMENT ON TABLE dumped.notes IS 'a note; \! echo not run';


--
-- Data for Name: notes; Type: TABLE DATA; Schema: dumped; Owner: -
--

COPY dumped.notes (id, body) FROM stdin;
1	first
2	tab\there
\.


--
-- Name: notes notes_pkey; Type: CONSTRAINT; Schema: dumped; Owner: -
--

ALTER TABLE ONLY dumped.notes
    ADD CONSTRAINT notes_pkey PRIMARY KEY (id);


--
-- PostgreSQL database dump complete
--

\unrestrict lLKsoxia4gKM3xQXlJpKSkA9xu54ZWhywLItzrVM6q1FNgwT1nj7kTcmzDOjud9

"""#

    static let pgDumpEmpty = #"""
--
-- PostgreSQL database dump
--

\restrict hpe0Jbv7GeHpCTXAcTXn2YySZr9y4h15Fa9cwiLItXeTCS9FIN3WSDp1ZSfpb1J

-- Dumped from database version 18.6
-- Dumped by pg_dump version 18.6

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET transaction_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- PostgreSQL database dump complete
--

\unrestrict hpe0Jbv7GeHpCTXAcTXn2YySZr9y4h15Fa9cwiLItXeTCS9FIN3WSDp1ZSfpb1J

"""#

    static let restrictedScript = """
    \\restrict abc
    \\echo refused
    select 1 as still_runs;
    \\set x 1
    \\! echo never
    \\bogus
    \\if true
    \\endif
    \\restrict def
    \\unrestrict abd
    \\unrestrict abc extra
    \\unrestrict   abc  ;
    \\echo back
    \\unrestrict abc
    """

    static let restrict: [DifferentialCase] = [
        .init("restrict refuses every other meta-command", ["-f", "{dir}/r.sql"], files: ["r.sql": restrictedScript]),
        .init("restrict stops exec at the first refused command", ["-f", "{dir}/r.sql"], mode: .exec, files: ["r.sql": restrictedScript]),
        .init("restrict missing arguments", ["-c", "\\restrict", "-c", "\\unrestrict", "-c", "\\unrestrict abc", "-c", "\\restrict ''"]),
        .init("restrict missing argument stops exec", ["-c", "\\restrict"], mode: .exec),
        .init("restrict key arguments", ["-f", "{dir}/k.sql"], files: ["k.sql": """
        \\set k abc
        \\restrict :k;
        \\unrestrict :k
        \\unrestrict `echo abc`
        \\unrestrict 'abc'
        \\unrestrict abc;
        \\restrict 'a b' extra
        \\unrestrict 'a b'
        \\unrestrict a b
        \\restrict a-b!c \\\\ \\echo refused after the separator
        \\unrestrict a-b!c \\\\ \\echo part of the key
        \\unrestrict a-b!c
        \\echo done
        """]),
        .init("restrict in -c commands", ["-c", "\\restrict abc", "-c", "\\echo refused", "-c", "select 2 as runs", "-c", "\\unrestrict abc", "-c", "\\echo ok"]),
        .init("restrict in -c stops exec", ["-c", "\\restrict abc", "-c", "\\echo refused", "-c", "select 2 as not_reached"], mode: .exec),
        .init("restrict inside if branches", ["-f", "{dir}/b.sql"], files: ["b.sql": """
        \\if false
        \\restrict never
        \\unrestrict never \\\\ \\bogus
        \\endif
        \\if true
        \\restrict k
        \\else
        \\endif
        \\unrestrict k
        \\endif
        \\echo after
        """]),
        .init("restrict outlives an included file", ["-f", "{dir}/outer.sql"], files: [
            "outer.sql": "\\ir inner.sql\n\\echo refused\nselect 3 as runs;\n\\unrestrict inner\n\\echo back\n",
            "inner.sql": "\\restrict inner\n",
        ]),
        .init("restrict left open at the end of a script", ["-f", "{dir}/open.sql", "-c", "\\echo refused too"],
              files: ["open.sql": "\\restrict open\nselect 4 as runs;\nselect 5 as buffered \\gset\n"]),
        .init("restrict a pg_dump plain dump", ["-f", "{dir}/wrapper.sql"], files: [
            "wrapper.sql": "BEGIN;\n\\ir notes.sql\nselect * from dumped.notes order by id;\n\\dt dumped.*\nROLLBACK;\n",
            "notes.sql": pgDumpNotes,
        ]),
        .init("restrict a pg_dump plain dump with exec", ["-f", "{dir}/wrapper.sql"], mode: .exec, files: [
            "wrapper.sql": "BEGIN;\n\\ir notes.sql\nselect * from dumped.notes order by id;\nROLLBACK;\n",
            "notes.sql": pgDumpNotes,
        ]),
        .init("restrict an empty pg_dump plain dump", ["-f", "{dir}/empty.sql", "-c", "\\echo unrestricted"], files: ["empty.sql": pgDumpEmpty]),
        .init("restrict an empty pg_dump plain dump with exec", ["-f", "{dir}/empty.sql"], mode: .exec, files: ["empty.sql": pgDumpEmpty]),
    ]
}
