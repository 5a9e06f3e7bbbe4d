# bash completion for pgentra(1). Install as share/bash-completion/completions/pgentra (make
# install does), or source it. Needs nothing from the bash-completion package.
#
# The option lists follow Sources/PGEntraCommands/CommandLine/OptionName.swift and Subcommand.swift;
# a test compares what this file offers with them.

# Options every form takes.
_pgentra_common_options='-h --host -p --port -U --username -d --dbname -w --no-password -W --password
  --credential --tenant --client-id --scope --no-token-cache --debug -? --help'
# psql's behaviour options: the shell and exec.
_pgentra_session_options='-c --command -f --file -v --set --variable -X --no-psqlrc -q --quiet
  -e --echo-queries -E --echo-hidden -a --echo-all -b --echo-errors -A --no-align -t --tuples-only
  -F --field-separator -R --record-separator -z --field-separator-zero -0 --record-separator-zero
  --csv -H --html -x --expanded -P --pset -o --output -1 --single-transaction -L --log-file
  -n --no-readline -s --single-step -S --single-line -T --table-attr -l --list -V --version
  --json --password-auth'
_pgentra_token_options='--json --min-ttl -V --version'
_pgentra_whoami_options='--json --role -V --version'
_pgentra_run_options='--min-ttl --print-env -V --version'
_pgentra_proxy_options='--listen --allow-remote --local-password --max-connections --client-timeout --grace --verbose -V --version'
# Options whose value is the next word (or follows `=`).
_pgentra_valued_options='-h --host -p --port -U --username -d --dbname -c --command -f --file
  -v --set --variable -F --field-separator -R --record-separator -P --pset -o --output
  -L --log-file -T --table-attr --min-ttl --credential --tenant --client-id --scope
  --listen --max-connections --client-timeout --grace'
_pgentra_credentials='default dev prod environment workload-identity managed-identity azure-cli azd device-code'
_pgentra_pset_names='border columns csv_fieldsep expanded fieldsep fieldsep_zero footer format
  linestyle null numericlocale pager pager_min_lines recordsep recordsep_zero tableattr title
  tuples_only unicode_border_linestyle unicode_column_linestyle unicode_header_linestyle xheader_width'
_pgentra_subcommands='exec token whoami run proxy'

# The databases the server lists, when pgentra can connect within a few seconds with the
# connection and credential options typed so far; nothing otherwise, and never a message.
_pgentra_databases() {
  local program=$1
  shift
  local -a options=()
  local i word value
  # Device-code sign-in would ask someone to visit a web page on every Tab: never from here.
  [[ ${PGENTRA_CREDENTIAL,,} == *device* || ${AZURE_TOKEN_CREDENTIALS,,} == *device* ]] && return
  for ((i = 0; i < $#; i++)); do
    word=${@:i+1:1}
    value=${@:i+2:1}
    case $word in
      -h|--host|-p|--port|-U|--username|--credential|--tenant|--client-id|--scope)
        [[ $word == --credential && ${value,,} == *device* ]] && return
        options+=("$word" "$value")
        ((i++)) ;;
      --host=*|--port=*|--username=*|--tenant=*|--client-id=*|--scope=*|-h?*|-p?*|-U?*|--no-token-cache|--password-auth)
        options+=("$word") ;;
      --credential=*)
        [[ ${word,,} == *device* ]] && return
        options+=("$word") ;;
    esac
  done
  local limit=()
  command -v timeout >/dev/null 2>&1 && limit=(timeout 3)
  PGCONNECT_TIMEOUT=3 "${limit[@]}" "$program" exec -X -At -w "${options[@]}" -d postgres \
    -c 'select datname from pg_catalog.pg_database where datallowconn order by 1' 2>/dev/null </dev/null
}

_pgentra() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  local prev=${COMP_WORDS[COMP_CWORD-1]}
  # bash splits `--credential=az` at `=`: put the option and its value back together.
  if [ "$cur" = "=" ]; then
    cur=""
  elif [ "$prev" = "=" ] && [ "$COMP_CWORD" -ge 2 ]; then
    prev=${COMP_WORDS[COMP_CWORD-2]}
  elif [[ $cur == --*=* ]]; then
    prev=${cur%%=*}
    cur=${cur#*=}
  fi
  local program=${COMP_WORDS[0]}
  program=${program/#\~/$HOME}

  # The words before the cursor, `=` rejoined, and where the subcommand and positionals are.
  local -a typed=()
  local i word
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    if [ "$word" = "=" ] || [ "${COMP_WORDS[i-1]}" = "=" ]; then
      typed[${#typed[@]}-1]+=$word
    else
      typed+=("$word")
    fi
  done
  local subcommand="" positionals=0 expecting_value="" ended="" command_words=0
  for word in "${typed[@]}"; do
    if [ -n "$ended" ] && [ "$subcommand" = run ]; then
      ((command_words++))
    elif [ -n "$expecting_value" ]; then
      expecting_value=""
    elif [ -z "$ended" ] && [ "$word" = "--" ]; then
      ended=1
    elif [ -z "$ended" ] && [[ $word == -?* ]]; then
      [[ " ${_pgentra_valued_options//$'\n'/ } " == *" $word "* ]] && expecting_value=1
    elif [ -z "$subcommand" ] && [ "$positionals" -eq 0 ] && [ -z "$ended" ] \
      && [[ " $_pgentra_subcommands " == *" $word "* ]]; then
      subcommand=$word
    else
      ((positionals++))
    fi
  done

  COMPREPLY=()
  # `pgentra run ... -- CMD ARGS`: a command, then what bash-completion offers for it (or files).
  if [ -n "$ended" ] && [ "$subcommand" = run ]; then
    if [ "$command_words" -eq 0 ]; then
      mapfile -t COMPREPLY < <(compgen -c -- "$cur")
    elif declare -F _command_offset >/dev/null; then
      _command_offset $((COMP_CWORD - command_words))
    else
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    fi
    return
  fi
  case $prev in
    -f|--file|-o|--output|-L|--log-file)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      return ;;
    -d|--dbname)
      mapfile -t COMPREPLY < <(compgen -W "$(_pgentra_databases "$program" "${typed[@]}")" -- "$cur")
      return ;;
    -h|--host)
      mapfile -t COMPREPLY < <(compgen -A hostname -- "$cur")
      return ;;
    --credential)
      mapfile -t COMPREPLY < <(compgen -W "$_pgentra_credentials" -- "$cur")
      return ;;
    -P|--pset)
      mapfile -t COMPREPLY < <(compgen -W "$_pgentra_pset_names" -- "$cur")
      return ;;
    --listen)
      mapfile -t COMPREPLY < <(compgen -W "127.0.0.1: [::1]: unix:" -- "$cur")
      compopt -o nospace 2>/dev/null
      return ;;
    -p|--port|-U|--username|-c|--command|-v|--set|--variable|-F|--field-separator|-R|--record-separator|-T|--table-attr|--min-ttl|--tenant|--client-id|--scope|--max-connections|--client-timeout|--grace)
      return ;;
  esac

  if [[ $cur == -* ]] && [ -z "$ended" ]; then
    local options=$_pgentra_common_options
    case $subcommand in
      token) options+=" $_pgentra_token_options" ;;
      whoami) options+=" $_pgentra_whoami_options" ;;
      run) options+=" $_pgentra_run_options" ;;
      proxy) options+=" $_pgentra_proxy_options" ;;
      *) options+=" $_pgentra_session_options" ;;
    esac
    mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
    return
  fi

  case $subcommand in
    token|whoami|run|proxy) return ;;
    exec) [ "$positionals" -eq 0 ] || return ;;
    "")
      [ "$positionals" -eq 0 ] || return
      mapfile -t COMPREPLY < <(compgen -W "$_pgentra_subcommands" -- "$cur") ;;
  esac
  mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -W "$(_pgentra_databases "$program" "${typed[@]}")" -- "$cur")
}

complete -F _pgentra pgentra
