/// `\? variables`: psql's helpVariables text (psql 15's, with psql 18's ERROR wording,
/// WATCH_INTERVAL and xheader_width) with pgentra's name and files, and the Entra ID
/// environment variables pgentra reads.
extension BackslashHelp {
    package static let variables = #"""
        List of specially treated variables

        pgentra variables:
        Usage:
          pgentra --set=NAME=VALUE
          or \set NAME VALUE inside pgentra

          AUTOCOMMIT
            if set, successful SQL commands are automatically committed
          COMP_KEYWORD_CASE
            determines the case used to complete SQL key words
            [lower, upper, preserve-lower, preserve-upper]
          DBNAME
            the currently connected database name
          ECHO
            controls what input is written to standard output
            [all, errors, none, queries]
          ECHO_HIDDEN
            if set, display internal queries executed by backslash commands;
            if set to "noexec", just show them without execution
          ENCODING
            current client character set encoding
          ERROR
            "true" if last query failed, else "false"
          FETCH_COUNT
            the number of result rows to fetch and display at a time (0 = unlimited)
          HIDE_TABLEAM
            if set, table access methods are not displayed
          HIDE_TOAST_COMPRESSION
            if set, compression methods are not displayed
          HISTCONTROL
            controls command history [ignorespace, ignoredups, ignoreboth]
          HISTFILE
            file name used to store the command history
          HISTSIZE
            maximum number of commands to store in the command history
          HOST
            the currently connected database server host
          IGNOREEOF
            number of EOFs needed to terminate an interactive session
          LASTOID
            value of the last affected OID
          LAST_ERROR_MESSAGE
          LAST_ERROR_SQLSTATE
            message and SQLSTATE of last error, or empty string and "00000" if none
          ON_ERROR_ROLLBACK
            if set, an error doesn't stop a transaction (uses implicit savepoints)
          ON_ERROR_STOP
            stop batch execution after error
          PORT
            server port of the current connection
          PROMPT1
            specifies the standard pgentra prompt
          PROMPT2
            specifies the prompt used when a statement continues from a previous line
          PROMPT3
            specifies the prompt used during COPY ... FROM STDIN
          QUIET
            run quietly (same as -q option)
          ROW_COUNT
            number of rows returned or affected by last query, or 0
          SERVER_VERSION_NAME
          SERVER_VERSION_NUM
            server's version (in short string or numeric format)
          SHOW_ALL_RESULTS
            show all results of a combined query (\;) instead of only the last
          SHOW_CONTEXT
            controls display of message context fields [never, errors, always]
          SINGLELINE
            if set, end of line terminates SQL commands (same as -S option)
          SINGLESTEP
            single-step mode (same as -s option)
          SQLSTATE
            SQLSTATE of last query, or "00000" if no error
          USER
            the currently connected database user
          VERBOSITY
            controls verbosity of error reports [default, verbose, terse, sqlstate]
          VERSION
          VERSION_NAME
          VERSION_NUM
            pgentra's version (in verbose string, short string, or numeric format)
          WATCH_INTERVAL
            number of seconds \watch waits between executions (default 2)

        Display settings:
        Usage:
          pgentra --pset=NAME[=VALUE]
          or \pset NAME [VALUE] inside pgentra

          border
            border style (number)
          columns
            target width for the wrapped format
          csv_fieldsep
            field separator for CSV output format (default ",")
          expanded (or x)
            expanded output [on, off, auto]
          fieldsep
            field separator for unaligned output (default "|")
          fieldsep_zero
            set field separator for unaligned output to a zero byte
          footer
            enable or disable display of the table footer [on, off]
          format
            set output format [unaligned, aligned, wrapped, html, asciidoc, ...]
          linestyle
            set the border line drawing style [ascii, old-ascii, unicode]
          null
            set the string to be printed in place of a null value
          numericlocale
            enable display of a locale-specific character to separate groups of digits
          pager
            control when an external pager is used [yes, no, always]
          recordsep
            record (line) separator for unaligned output
          recordsep_zero
            set record separator for unaligned output to a zero byte
          tableattr (or T)
            specify attributes for table tag in html format, or proportional
            column widths for left-aligned data types in latex-longtable format
          title
            set the table title for subsequently printed tables
          tuples_only
            if set, only actual table data is shown
          unicode_border_linestyle
          unicode_column_linestyle
          unicode_header_linestyle
            set the style of Unicode line drawing [single, double]
          xheader_width
            set the maximum width of the header for expanded output
            [full, column, page, integer value]

        Environment variables:
        Usage:
          NAME=VALUE [NAME=VALUE] pgentra ...
          or \setenv NAME [VALUE] inside pgentra

          COLUMNS
            number of columns for wrapped format
          PGAPPNAME
            same as the application_name connection parameter
          PGDATABASE
            same as the dbname connection parameter
          PGHOST
            same as the host connection parameter
          PGPASSFILE
            password file name (with --password-auth)
          PGPASSWORD
            connection password (with --password-auth; not recommended)
          PGPORT
            same as the port connection parameter
          PGUSER
            same as the user connection parameter
          PSQL_EDITOR, EDITOR, VISUAL
            editor used by the \e and \ef commands
          PSQL_EDITOR_LINENUMBER_ARG
            how to specify a line number when invoking the editor
          PGENTRA_HISTORY
            alternative location for the command history file
          PSQL_PAGER, PAGER
            name of external pager program
          PSQL_WATCH_PAGER
            name of external pager program used for \watch
          PGENTRARC
            alternative location for the user's .pgentrarc file
          SHELL
            shell used by the \! command
          TMPDIR
            directory for temporary files

        Microsoft Entra ID environment variables (see pgentra --help):
          PGENTRA_CREDENTIAL, AZURE_TOKEN_CREDENTIALS
            which credential signs in (default: the DefaultAzureCredential chain)
          AZURE_TENANT_ID, AZURE_CLIENT_ID
            tenant and client (service principal or managed identity) to use
          PGENTRA_SCOPE
            token scope (default: from the host)
          PGENTRA_NO_TOKEN_CACHE
            if set to 1, neither read nor write the token cache

        """#
}
