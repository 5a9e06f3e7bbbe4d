/// `--help` for the tool and each subcommand. Every option of `OptionName` appears in the
/// tool's help (a test checks it), and every line fits in 80 columns.
enum HelpText {
    static func text(for command: Subcommand) -> String {
        switch command {
        case .shell: shell
        case .exec: exec
        case .token: token
        case .whoami: whoami
        case .run: run
        case .proxy: proxy
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

    static let generalOptions = """
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
    """

    static let inputOutputOptions = """
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
    """

    static let outputFormatOptions = """
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
    """

    /// The variables every form reads; the man page's ENVIRONMENT lists the same (a test checks).
    static let environment = """
    Environment (details in the pgentra(1) manual page):
      PGHOST PGHOSTADDR PGPORT PGDATABASE PGUSER PGSSLMODE PGSSLROOTCERT PGAPPNAME
      PGCONNECT_TIMEOUT PGOPTIONS PGSERVICE PGSERVICEFILE PGCLIENTENCODING
                               connection defaults, as in psql (and libpq's others)
      PGPASSWORD PGPASSFILE    ignored unless signing in with a plain password
      AZURE_TENANT_ID AZURE_CLIENT_ID  tenant; service principal or identity
      AZURE_CLIENT_SECRET AZURE_CLIENT_CERTIFICATE_PATH
      AZURE_CLIENT_CERTIFICATE_PASSWORD AZURE_CLIENT_SEND_CERTIFICATE_CHAIN
                               service principal secret or certificate
      AZURE_FEDERATED_TOKEN_FILE  workload identity (Kubernetes)
      AZURE_CLIENT_OBJECT_ID AZURE_CLIENT_RESOURCE_ID
                               user-assigned managed identity by object/resource id
      IDENTITY_ENDPOINT IDENTITY_HEADER IDENTITY_SERVER_THUMBPRINT IMDS_ENDPOINT
      MSI_ENDPOINT MSI_SECRET AZURE_POD_IDENTITY_AUTHORITY_HOST
                               managed identity endpoints, set by the platform
      AZURE_AUTHORITY_HOST     Entra ID authority (https; http only on loopback)
      AZURE_TOKEN_CREDENTIALS  as --credential, after PGENTRA_CREDENTIAL
      PATH                     where az and azd are found
      AZURE_CONFIG_DIR AZD_CONFIG_DIR
                               where az and azd keep the signed-in account
      PGENTRA_CREDENTIAL PGENTRA_SCOPE PGENTRA_NO_TOKEN_CACHE=1 PGENTRA_DEBUG=1
                               as --credential, --scope, --no-token-cache, --debug
      PGENTRA_HTTP_TIMEOUT PGENTRA_TOOL_TIMEOUT
                               seconds per token request; per az/azd run (10)
      PGENTRA_PROXY_PASSWORD   the password pgentra proxy asks its clients for
      XDG_CACHE_HOME HOME      token cache in $XDG_CACHE_HOME/pgentra (0700)
      SSL_CERT_FILE SSL_CERT_DIR  more trusted CAs for token endpoints
      https_proxy HTTPS_PROXY http_proxy ALL_PROXY all_proxy no_proxy NO_PROXY
                               proxy for token requests
    """

    /// The variables only the interactive shell reads.
    static let shellEnvironment = """
      PGENTRA_HISTORY          history file (default: ~/.pgentra_history)
      PGENTRARC                startup file (default: ~/.pgentrarc)
      PSQL_PAGER PAGER PSQL_WATCH_PAGER  pager for results; for \\watch
      PSQL_EDITOR EDITOR VISUAL PSQL_EDITOR_LINENUMBER_ARG  editor for \\e
      COLUMNS SHELL TMPDIR     width; shell for \\!; temporary file of \\e
    """

    /// What the forms that run SQL (pgentra and pgentra exec) take: psql's options, then
    /// pgentra's connection and credential options.
    static let sqlFormOptions = """
    \(generalOptions)

    \(inputOutputOptions)

    \(outputFormatOptions)

    \(connectionOptions)

    \(credentialOptions)
      --password-auth          no Entra token: sign in like plain psql
    """

    /// The help of a form that runs no SQL (token, whoami, run, proxy): what it does, its usage
    /// and its own options, then -V and -?, `note`, and the connection and credential options
    /// and the environment that every form shares, so that each form's text says only its own.
    static func formHelp(about: String, usage: String, options: String, note: String? = nil) -> String {
        """
        \(about)

        Usage:
        \(usage)

        Options:
        \(options)
          -V, --version            output version information, then exit
          -?, --help               show this help, then exit
        \(note.map { "\n\($0)\n" } ?? "")
        \(connectionOptions)

        \(credentialOptions)

        \(environment)

        """
    }

    static let shell = """
    pgentra is a psql-style client for Azure Database for PostgreSQL that signs in
    with Microsoft Entra ID and fetches a fresh token whenever it connects.

    Usage:
      pgentra [OPTION]... [DBNAME [USERNAME]]       interactive shell, or a script
      pgentra exec [OPTION]... [DBNAME [USERNAME]]  run -c/-f/stdin, stop at errors
      pgentra token [OPTION]...                     print an access token
      pgentra whoami [OPTION]...                    show identity and role
      pgentra run [OPTION]... -- COMMAND [ARG]...   run a libpq program signed in
      pgentra proxy [OPTION]... --listen ADDRESS    a local endpoint for any client
      pgentra COMMAND --help                        help for one command

    \(sqlFormOptions)

    The password is a Microsoft Entra access token unless --password-auth is given.

    \(environment)
    \(shellEnvironment)

    """

    static let exec = """
    pgentra exec runs SQL from scripts: every -c and -f in order, or stdin when
    none is given. It never reads ~/.pgentrarc, never prompts, and stops at the
    first error (ON_ERROR_STOP is on), exiting 3.

    Usage:
      pgentra exec [OPTION]... [DBNAME [USERNAME]]

    It takes every option of pgentra itself; -c and -f may be repeated.

    \(sqlFormOptions)

    \(environment)

    """

    static let token = formHelp(
        about: """
        pgentra token prints an access token for Azure Database for PostgreSQL and a
        newline, nothing else, so that PGPASSWORD=$(pgentra token) works.
        """,
        usage: "  pgentra token [OPTION]...",
        options: """
          --json                   print {"token","expires_on","credential","user"}
          --min-ttl=SECONDS        return a token with at least this lifetime left
        """
    )

    static let whoami = formHelp(
        about: """
        pgentra whoami shows whom the token speaks for and the PostgreSQL role pgentra
        will sign in as, and why; it never prints the token.
        """,
        usage: "  pgentra whoami [OPTION]...",
        options: """
          --json                   print the decoded claims and the role as JSON
          --role                   print only the role name
        """
    )

    static let run = formHelp(
        about: """
        pgentra run runs a program with the environment libpq reads: PGHOST, PGPORT,
        PGDATABASE, PGUSER (the role derived from the token unless -U gives one) and
        PGPASSWORD, an access token with at least --min-ttl left. For a remote host
        with no sslmode chosen it adds PGSSLMODE=verify-full and PGSSLROOTCERT. The
        program replaces pgentra, and never sees credential secrets.
        """,
        usage: """
          pgentra run [OPTION]... [DBNAME [USERNAME]] -- COMMAND [ARG]...
          pgentra run [OPTION]... --print-env
        """,
        options: """
          --min-ttl=SECONDS        the token's least lifetime left (default: 900)
          --print-env              print export lines for eval instead of running
        """
    )

    static let proxy = formHelp(
        about: """
        pgentra proxy is a local PostgreSQL endpoint: every connection a client opens
        to it becomes a new server connection signed in with a token that is valid
        now, over TLS (verify-full unless an sslmode is chosen). Clients need no
        password on loopback; the role is the client's user name, else the token's.
        """,
        usage: "  pgentra proxy [OPTION]... --listen ADDRESS",
        options: """
          --listen=ADDRESS         127.0.0.1:PORT, [::1]:PORT or unix:DIR[:PORT]
          --allow-remote           accept a non-loopback address (with a warning)
          --local-password         clients must give PGENTRA_PROXY_PASSWORD
          --max-connections=N      connections at once (default: 100)
          --client-timeout=SECONDS  time a client has to start up (default: 30)
          --grace=SECONDS          time open connections get after SIGTERM (30)
          --verbose                log a line per connection on stderr
        """,
        note: "SIGHUP fetches a fresh token for the next connections."
    )
}
