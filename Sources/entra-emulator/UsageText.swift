/// `entra-emulator --help`.
enum UsageText {
    static let text = """
        usage: entra-emulator serve --state-dir DIR [options]

        A local stand-in for Microsoft Entra ID and the Azure managed-identity endpoints, for
        pgentra's tests and for trying pgentra without Azure. Listens on loopback only and runs
        until SIGTERM or SIGINT.

        Listeners:
          --state-dir DIR            where ca.pem, jwks.json, issued.jsonl, requests.jsonl and
                                     ready.json go (required; created with mode 0700)
          --http-port N              plain HTTP port (default 0: any free port)
          --https-port N             HTTPS port (default 0: any free port)
          --no-https                 no HTTPS listener

        Tenant and principals:
          --tenant ID                tenant id (default 00000000-0000-0000-0000-0000000000aa)
          --lifetime SECONDS         lifetime of every token (default 3600)
          --user UPN                 signed-in user for device code, Cloud Shell, az, azd
                                     (default alice@contoso.com)
          --client ID=SECRET[=ROLE]  service principal for the client-secret grant (repeatable);
                                     ROLE (default sp-<first 8 of ID>) is its PostgreSQL role
          --workload-client ID[=ROLE]
                                     client that may present the federated token (repeatable)
          --federated-token VALUE    the client_assertion workload identity accepts
          --managed-identity NAME=CLIENTID[=OBJECTID]
                                     user-assigned managed identity (repeatable)
          --system-identity NAME     the host VM's system-assigned identity
          --identity-header VALUE    App Service (2019) X-IDENTITY-HEADER secret
          --msi-secret VALUE         App Service 2017 / Azure ML secret header

        PostgreSQL:
          --pg-conninfo CONNINFO     superuser connection (loopback or socket only); each issued
                                     token becomes its role's password until the token expires

        Device code:
          --device-pending N         polls answered authorization_pending first (default 1)
          --device-interval SECONDS  polling interval announced (default 1)

        Faults:
          --fault PREFIX:KIND[:COUNT]
                                     requests whose path starts with PREFIX get KIND instead of
                                     their answer, COUNT times (default: always). KIND is one of
                                     500 503 404 410 429 400-aadsts html malformed-json
                                     no-access-token expired malformed-jwt slow=SECONDS hang
                                     huge=BYTES (a JSON answer that long) set=NAME=VALUE (the
                                     answer's NAME member becomes the string VALUE).
                                     POST /_emulator/faults (one spec a line) replaces the list,
                                     DELETE /_emulator/faults clears it.

        Routes: /{tenant}/oauth2/v2.0/token, /{tenant}/oauth2/v2.0/devicecode,
        /{tenant}/v2.0/.well-known/openid-configuration, /{tenant}/discovery/v2.0/keys,
        /metadata/identity/oauth2/token (IMDS), /msi/token (App Service), /msi2017/token
        (App Service 2017), /cloudshell/token, /_emulator/cli/az, /_emulator/cli/azd,
        /_emulator/health, /_emulator/faults.

        """
}
