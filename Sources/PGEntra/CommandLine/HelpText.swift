/// `--help` for the tool and each subcommand. Every option of `OptionName` appears in the
/// tool's help (a test checks it), and every line fits in 80 columns.
public enum HelpText {
    public static let version = "0.1.0"

    public static func text(for command: Subcommand) -> String {
        switch command {
        case .shell: shell
        case .exec: exec
        case .token: token
        case .whoami: whoami
        }
    }

    static let credentialOptions = """
    Credential options (every form):
      --credential=NAME        default, dev, prod, environment, workload-identity,
                               managed-identity, azure-cli, azd, device-code
                               (env PGENTRA_CREDENTIAL or AZURE_TOKEN_CREDENTIALS)
      --tenant=ID              tenant for the token request (env AZURE_TENANT_ID)
      --client-id=ID           service principal or user-assigned managed identity
                               (env AZURE_CLIENT_ID)
      --scope=SCOPE            token scope (env PGENTRA_SCOPE; default: from the
                               host, else the public cloud's ossrdbms-aad scope)
      --no-token-cache         neither read nor write the token cache
      --debug                  tell each step on stderr, never a token
    """

    static let connectionOptions = """
    Connection options:
      -h, --host=HOSTNAME      database server host or socket directory
      -p, --port=PORT          database server port
      -U, --username=USERNAME  database role (default: derived from the token)
      -d, --dbname=DBNAME      database name, conninfo string or postgresql:// URI
      -w, --no-password        accepted for psql compatibility (no effect)
      -W, --password           accepted for psql compatibility (no effect)
    """

    static let shell = """
    pgentra is a psql-style client for Azure Database for PostgreSQL that signs in
    with Microsoft Entra ID and fetches a fresh token whenever it connects.

    Usage:
      pgentra [OPTION]... [DBNAME [USERNAME]]       interactive shell, or a script
      pgentra exec [OPTION]... [DBNAME [USERNAME]]  run -c/-f/stdin, stop at errors
      pgentra token [OPTION]...                     print an access token
      pgentra whoami [OPTION]...                    show identity and role
      pgentra COMMAND --help                        help for one command

    General options:
      -c, --command=COMMAND    run only single command (SQL or internal) and exit
      -d, --dbname=DBNAME      database name to connect to
      -f, --file=FILENAME      execute commands from file, then exit
      -l, --list               list available databases, then exit
      -v, --set=, --variable=NAME=VALUE
                               set psql variable NAME to VALUE
      -V, --version            output version information, then exit
      -X, --no-psqlrc          do not read startup file (~/.pgentrarc)
      -1 ("one"), --single-transaction
                               execute as a single transaction (if non-interactive)
      -?, --help[=TOPIC]       show this help, then exit

    Input and output options:
      -a, --echo-all           echo all input from script
      -b, --echo-errors        echo failed commands
      -e, --echo-queries       echo commands sent to server
      -E, --echo-hidden        display queries that internal commands generate
      -L, --log-file=FILENAME  send session log to file
      -n, --no-readline        disable enhanced command line editing (libedit)
      -o, --output=FILENAME    send query results to file (or |pipe)
      -q, --quiet              run quietly (no messages, only query output)
      -s, --single-step        single-step mode (confirm each query)
      -S, --single-line        single-line mode (end of line terminates SQL command)

    Output format options:
      -A, --no-align           unaligned table output mode
          --csv                CSV (Comma-Separated Values) table output mode
          --json               one JSON array of objects per result
      -F, --field-separator=STRING
                               field separator for unaligned output (default: "|")
      -H, --html               HTML table output mode
      -P, --pset=VAR[=ARG]     set printing option VAR to ARG (see \\pset command)
      -R, --record-separator=STRING
                               record separator for unaligned output (default:
                               newline)
      -t, --tuples-only        print rows only
      -T, --table-attr=TEXT    set HTML table tag attributes (e.g., width, border)
      -x, --expanded           turn on expanded table output
      -z, --field-separator-zero
                               set field separator for unaligned output to zero byte
      -0, --record-separator-zero
                               set record separator for unaligned output to zero
                               byte

    \(connectionOptions)

    \(credentialOptions)
      --password-auth          no Entra token: sign in like plain psql

    The password is a Microsoft Entra access token unless --password-auth is given.

    """

    static let exec = """
    pgentra exec runs SQL from scripts: every -c and -f in order, or stdin when
    none is given. It never reads ~/.pgentrarc, never prompts, and stops at the
    first error (ON_ERROR_STOP is on), exiting 3.

    Usage:
      pgentra exec [OPTION]... [DBNAME [USERNAME]]

    It takes the options of pgentra itself (pgentra --help), among them:
      -c, --command=COMMAND    run one command string (repeatable)
      -f, --file=FILENAME      run commands from a file, - for stdin (repeatable)
      -v, --set=NAME=VALUE     set a variable for :name interpolation
      -1, --single-transaction wrap everything in one transaction
      -A, -t, -F, -R, -z, -0, --csv, --json, -H, -x, -P VAR=ARG  output formats
      -q, -e, -a, -b, -o FILE, -L FILE                         echo and output

    \(connectionOptions)

    \(credentialOptions)
      --password-auth          no Entra token: sign in like plain psql

    """

    static let token = """
    pgentra token prints an access token for Azure Database for PostgreSQL and a
    newline, nothing else, so that PGPASSWORD=$(pgentra token) works.

    Usage:
      pgentra token [OPTION]...

    Options:
      --json                   print {"token","expires_on","credential","user"}
      --min-ttl=SECONDS        return a token with at least this lifetime left
      -?, --help               show this help, then exit

    \(connectionOptions)

    \(credentialOptions)

    """

    static let whoami = """
    pgentra whoami shows whom the token speaks for and the PostgreSQL role pgentra
    will sign in as, and why; it never prints the token.

    Usage:
      pgentra whoami [OPTION]...

    Options:
      --json                   print the decoded claims and the role as JSON
      --role                   print only the role name
      -?, --help               show this help, then exit

    \(connectionOptions)

    \(credentialOptions)

    """
}
