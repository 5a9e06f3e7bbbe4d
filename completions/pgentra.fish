# fish completion for pgentra(1). Install as share/fish/vendor_completions.d/pgentra.fish (make
# install does) or ~/.config/fish/completions/pgentra.fish.
#
# The option lists follow Sources/PGEntraCommands/CommandLine/OptionName.swift and Subcommand.swift;
# a test compares what this file offers with them.

# Options whose value is the next word, to find the subcommand among the words typed.
set -g __pgentra_valued -h --host -p --port -U --username -d --dbname -c --command -f --file \
    -v --set --variable -F --field-separator -R --record-separator -P --pset -o --output \
    -L --log-file -T --table-attr --min-ttl --credential --tenant --client-id --scope \
    --listen --max-connections --client-timeout --grace

# Prints the form being typed (shell, exec, token, whoami or run; `command` after run's `--`,
# where the words are a command line of their own) and how many positional words (database,
# user) it has so far.
function __pgentra_state
    set -l words (commandline -opc)
    set -e words[1]
    set -l subcommand shell
    set -l positionals 0
    set -l skip 0
    set -l ended 0
    for word in $words
        if test $skip = 1
            set skip 0
        else if test $ended = 0; and test "$word" = --
            set ended 1
            if test $subcommand = run
                echo command 0
                return
            end
        else if test $ended = 0; and string match -qr -- '^-.' $word
            contains -- $word $__pgentra_valued; and set skip 1
        else if test $subcommand = shell; and test $positionals = 0; and test $ended = 0; and contains -- $word exec token whoami run proxy
            set subcommand $word
        else
            set positionals (math $positionals + 1)
        end
    end
    echo $subcommand $positionals
end

# True when the form being typed is one of the arguments.
function __pgentra_form
    set -l state (string split ' ' -- (__pgentra_state))
    contains -- $state[1] $argv
end

# True where a database name goes: the first positional word of the shell form or of exec.
function __pgentra_wants_database
    set -l state (string split ' ' -- (__pgentra_state))
    test $state[2] = 0; and contains -- $state[1] shell exec
end

# The databases the server lists, when pgentra can connect within a few seconds with the
# connection and credential options typed so far; nothing otherwise, and never a message.
function __pgentra_databases
    set -l words (commandline -opc)
    set -l program $words[1]
    set -e words[1]
    set -l options
    set -l take 0
    for word in $words
        if test $take = 1
            set -a options $word
            set take 0
            continue
        end
        switch $word
            case -h --host -p --port -U --username --credential --tenant --client-id --scope
                set -a options $word
                set take 1
            case '--host=*' '--port=*' '--username=*' '--credential=*' '--tenant=*' '--client-id=*' \
                    '--scope=*' '-h?*' '-p?*' '-U?*' --no-token-cache --password-auth
                set -a options $word
        end
    end
    # Device-code sign-in would ask someone to visit a web page on every Tab: never from here.
    string match -qi -- '*device*' "$options" "$PGENTRA_CREDENTIAL" "$AZURE_TOKEN_CREDENTIALS"; and return
    set -l limit
    command -q timeout; and set limit timeout 3
    env PGCONNECT_TIMEOUT=3 $limit $program exec -X -At -w $options -d postgres \
        -c 'select datname from pg_catalog.pg_database where datallowconn order by 1' 2>/dev/null </dev/null
end

complete -c pgentra -e
complete -c pgentra -f
complete -c pgentra -n '__pgentra_form shell; and __pgentra_wants_database' -a 'exec token whoami run proxy' -d subcommand

# run's command line after `--`: what fish completes for that command on its own.
function __pgentra_run_command
    set -l words (commandline -opc)
    set -l dashes (contains -i -- -- $words)
    set -l typed $words[(math $dashes + 1)..-1]
    if test (count $typed) = 0
        __fish_complete_command
    else
        complete -C (string join ' ' -- (string escape -- $typed) (commandline -ct))
    end
end
complete -c pgentra -n '__pgentra_form command' -x -a '(__pgentra_run_command)'
complete -c pgentra -n __pgentra_wants_database -a '(__pgentra_databases)' -d database

# Every form: connection and credential options, help.
set -l all '__pgentra_form shell exec token whoami run proxy'
complete -c pgentra -n $all -s h -l host -x -a '(__fish_print_hostnames)' -d 'database server host or socket directory'
complete -c pgentra -n $all -s p -l port -x -d 'database server port'
complete -c pgentra -n $all -s U -l username -x -d 'database role (default: from the token)'
complete -c pgentra -n $all -s d -l dbname -x -a '(__pgentra_databases)' -d 'database name, conninfo or URI'
complete -c pgentra -n $all -s w -l no-password -d 'accepted for psql compatibility'
complete -c pgentra -n $all -s W -l password -d 'accepted for psql compatibility'
complete -c pgentra -n $all -l credential -x -a 'default dev prod environment workload-identity managed-identity azure-cli azd device-code' -d 'credentials to try'
complete -c pgentra -n $all -l tenant -x -d 'tenant for the token request'
complete -c pgentra -n $all -l client-id -x -d 'service principal or managed identity'
complete -c pgentra -n $all -l scope -x -d 'token scope'
complete -c pgentra -n $all -l no-token-cache -d 'neither read nor write the token cache'
complete -c pgentra -n $all -l debug -d 'tell each step on stderr, never a token'
complete -c pgentra -n $all -s '?' -l help -d 'show help, then exit'
complete -c pgentra -n $all -s V -l version -d 'print the version, then exit'

# The shell and exec: psql's behaviour options.
set -l session '__pgentra_form shell exec'
complete -c pgentra -n $session -s c -l command -x -d 'run a command string'
complete -c pgentra -n $session -s f -l file -r -F -d 'run commands from a file'
complete -c pgentra -n $session -s v -l set -l variable -x -d 'set a variable NAME=VALUE'
complete -c pgentra -n $session -s X -l no-psqlrc -d 'do not read the startup file'
complete -c pgentra -n $session -s q -l quiet -d 'run quietly'
complete -c pgentra -n $session -s e -l echo-queries -d 'echo commands sent to the server'
complete -c pgentra -n $session -s E -l echo-hidden -d 'show queries of backslash commands'
complete -c pgentra -n $session -s a -l echo-all -d 'echo all input'
complete -c pgentra -n $session -s b -l echo-errors -d 'echo failed commands'
complete -c pgentra -n $session -s A -l no-align -d 'unaligned output'
complete -c pgentra -n $session -s t -l tuples-only -d 'print rows only'
complete -c pgentra -n $session -s F -l field-separator -x -d 'field separator for unaligned output'
complete -c pgentra -n $session -s R -l record-separator -x -d 'record separator for unaligned output'
complete -c pgentra -n $session -s z -l field-separator-zero -d 'zero byte as field separator'
complete -c pgentra -n $session -s 0 -l record-separator-zero -d 'zero byte as record separator'
complete -c pgentra -n $session -l csv -d 'CSV output'
complete -c pgentra -n $session -s H -l html -d 'HTML output'
complete -c pgentra -n $session -s x -l expanded -d 'expanded output'
complete -c pgentra -n $session -s P -l pset -x -a 'border columns csv_fieldsep expanded fieldsep fieldsep_zero footer format linestyle null numericlocale pager pager_min_lines recordsep recordsep_zero tableattr title tuples_only unicode_border_linestyle unicode_column_linestyle unicode_header_linestyle xheader_width' -d 'set a printing option'
complete -c pgentra -n $session -s o -l output -r -F -d 'send query results to a file'
complete -c pgentra -n $session -s 1 -l single-transaction -d 'run as one transaction'
complete -c pgentra -n $session -s L -l log-file -r -F -d 'send a session log to a file'
complete -c pgentra -n $session -s n -l no-readline -d 'no line editing'
complete -c pgentra -n $session -s s -l single-step -d 'confirm each command'
complete -c pgentra -n $session -s S -l single-line -d 'end of line ends a command'
complete -c pgentra -n $session -s T -l table-attr -x -d 'HTML table tag attributes'
complete -c pgentra -n $session -s l -l list -d 'list databases, then exit'
complete -c pgentra -n $session -l password-auth -d 'sign in with a plain password, no Entra token'

# Each form's own options; --json means something different in each.
complete -c pgentra -n '__pgentra_form shell exec' -l json -d 'one JSON array per result'
complete -c pgentra -n '__pgentra_form token' -l json -d 'print the token and its details as JSON'
complete -c pgentra -n '__pgentra_form token' -l min-ttl -x -d 'at least this lifetime left (seconds)'
complete -c pgentra -n '__pgentra_form whoami' -l json -d 'print the claims and the role as JSON'
complete -c pgentra -n '__pgentra_form whoami' -l role -d 'print only the role name'
complete -c pgentra -n '__pgentra_form run' -l min-ttl -x -d 'at least this lifetime left (seconds)'
complete -c pgentra -n '__pgentra_form run' -l print-env -d 'print export lines for eval instead of running'
complete -c pgentra -n '__pgentra_form proxy' -l listen -x -a '127.0.0.1: [::1]: unix:' -d 'where clients connect'
complete -c pgentra -n '__pgentra_form proxy' -l allow-remote -d 'accept a non-loopback address'
complete -c pgentra -n '__pgentra_form proxy' -l local-password -d 'clients must give PGENTRA_PROXY_PASSWORD'
complete -c pgentra -n '__pgentra_form proxy' -l max-connections -x -d 'connections at once'
complete -c pgentra -n '__pgentra_form proxy' -l client-timeout -x -d 'time a client has to start up (seconds)'
complete -c pgentra -n '__pgentra_form proxy' -l grace -x -d 'time open connections get after SIGTERM (seconds)'
complete -c pgentra -n '__pgentra_form proxy' -l verbose -d 'log a line per connection'
