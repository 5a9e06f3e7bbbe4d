import PGEntraScanner

/// The listing commands of `\?`'s Informational and Large Objects sections. Each row holds
/// what exec_command_d calls for it: the describe.c query and its title, or the printing of
/// MetaCommands+Describe where one table is not enough.
extension MetaCommandTable {
    static let informational = MetaCommandSection(
        title: "Informational", lead: "(options: S = show system objects, x = expanded mode, + = additional detail)",
        commands: [
            catalog("d", help: .line("\\d[Sx+]", "list tables, views, and sequences"),
                    .line("\\d[S+]   NAME", "describe table, view, sequence, or index")) { c throws(Failure) in
                guard let pattern = c.pattern else {
                    return c.commands.listRelations("", pattern: nil, verbose: c.verbose, system: c.system, context: c.context, at: c.location)
                }
                return c.commands.describeRelations(try DescribeQueries.findRelations(pattern: pattern, system: c.system, context: c.context),
                                                    pattern: pattern, verbose: c.verbose, at: c.location)
            },
            catalog("da", help: .line("\\da[Sx]  [PATTERN]", "list aggregates")) { c throws(Failure) in
                c.list(try DescribeQueries.listAggregates(pattern: c.pattern, system: c.system, context: c.context),
                       title: "List of aggregate functions")
            },
            catalog("dA", help: .line("\\dA[x+]  [PATTERN]", "list access methods")) { c throws(Failure) in
                c.list(try DescribeQueries.listAccessMethods(pattern: c.pattern, verbose: c.verbose, context: c.context),
                       title: "List of access methods")
            },
            accessMethodMember("dAc", "\\dAc[x+] [AMPTRN [TYPEPTRN]]", "list operator classes", title: "List of operator classes",
                               DescribeQueries.listOperatorClasses(accessMethodPattern:typePattern:verbose:context:)),
            accessMethodMember("dAf", "\\dAf[x+] [AMPTRN [TYPEPTRN]]", "list operator families", title: "List of operator families",
                               DescribeQueries.listOperatorFamilies(accessMethodPattern:typePattern:verbose:context:)),
            accessMethodMember("dAo", "\\dAo[x+] [AMPTRN [OPFPTRN]]", "list operators of operator families",
                               title: "List of operators of operator families",
                               DescribeQueries.listOperatorFamilyOperators(accessMethodPattern:familyPattern:verbose:context:)),
            accessMethodMember("dAp", "\\dAp[x+] [AMPTRN [OPFPTRN]]", "list support functions of operator families",
                               title: "List of support functions of operator families",
                               DescribeQueries.listOperatorFamilyFunctions(accessMethodPattern:familyPattern:verbose:context:)),
            catalog("db", help: .line("\\db[x+]  [PATTERN]", "list tablespaces")) { c throws(Failure) in
                c.list(try DescribeQueries.listTablespaces(pattern: c.pattern, verbose: c.verbose, context: c.context), title: "List of tablespaces")
            },
            catalog("dc", help: .line("\\dc[Sx+] [PATTERN]", "list conversions")) { c throws(Failure) in
                c.list(try DescribeQueries.listConversions(pattern: c.pattern, verbose: c.verbose, system: c.system, context: c.context),
                       title: "List of conversions")
            },
            catalog("dconfig", help: .line("\\dconfig[x+] [PATTERN]", "list configuration parameters")) { c throws(Failure) in
                c.list(try DescribeQueries.listConfigurationParameters(pattern: c.pattern, verbose: c.verbose, context: c.context),
                       title: c.pattern == nil ? "List of non-default configuration parameters" : "List of configuration parameters")
            },
            catalog("dC", help: .line("\\dC[x+]  [PATTERN]", "list casts")) { c throws(Failure) in
                c.list(try DescribeQueries.listCasts(pattern: c.pattern, verbose: c.verbose, context: c.context), title: "List of casts")
            },
            catalog("dd", help: .line("\\dd[Sx]  [PATTERN]", "show object descriptions not displayed elsewhere")) { c throws(Failure) in
                c.list(try DescribeQueries.listObjectDescriptions(pattern: c.pattern, system: c.system, context: c.context),
                       title: "Object descriptions")
            },
            catalog("dD", help: .line("\\dD[Sx+] [PATTERN]", "list domains")) { c throws(Failure) in
                c.list(try DescribeQueries.listDomains(pattern: c.pattern, verbose: c.verbose, system: c.system, context: c.context),
                       title: "List of domains")
            },
            catalog("ddp", help: .line("\\ddp[x]  [PATTERN]", "list default privileges")) { c throws(Failure) in
                c.list(try DescribeQueries.listDefaultPrivileges(pattern: c.pattern, context: c.context), title: "Default access privileges")
            },
            catalog("dE", help: .line("\\dE[Sx+] [PATTERN]", "list foreign tables"), run: relations),
            catalog("des", help: .line("\\des[x+] [PATTERN]", "list foreign servers")) { c throws(Failure) in
                c.list(try DescribeQueries.listForeignServers(pattern: c.pattern, verbose: c.verbose, context: c.context),
                       title: "List of foreign servers")
            },
            catalog("det", help: .line("\\det[x+] [PATTERN]", "list foreign tables")) { c throws(Failure) in
                c.list(try DescribeQueries.listForeignTables(pattern: c.pattern, verbose: c.verbose, context: c.context),
                       title: "List of foreign tables")
            },
            catalog("deu", help: .line("\\deu[x+] [PATTERN]", "list user mappings")) { c throws(Failure) in
                c.list(try DescribeQueries.listUserMappings(pattern: c.pattern, verbose: c.verbose, context: c.context),
                       title: "List of user mappings")
            },
            catalog("dew", help: .line("\\dew[x+] [PATTERN]", "list foreign-data wrappers")) { c throws(Failure) in
                c.list(try DescribeQueries.listForeignDataWrappers(pattern: c.pattern, verbose: c.verbose, context: c.context),
                       title: "List of foreign-data wrappers")
            },
            catalog("df", help: .below("\\df[anptw][Sx+] [FUNCPTRN [TYPEPTRN ...]]",
                                       "list [only agg/normal/procedure/trigger/window] functions")) { c throws(Failure) in
                guard c.name.dropFirst(2).allSatisfy("anptwSx+".contains) else {
                    c.commands.session.error("\\df only takes [anptwSx+] as options", at: c.location)
                    return .ok
                }
                // After a name pattern, every further argument is an argument-type pattern.
                var argumentTypes: [String] = []
                while c.pattern != nil, argumentTypes.count < 100, let type = c.arguments.nextPattern() { argumentTypes.append(type.text) }
                return c.list(try DescribeQueries.listFunctions(
                    letters: String(c.letters.dropFirst()), pattern: c.pattern, argumentTypes: argumentTypes, verbose: c.verbose,
                    system: c.system, context: c.context), title: "List of functions")
            },
            // The verbose forms of \dF and \dFp print several tables per object (describe.c
            // listTSConfigsVerbose and listTSParsersVerbose).
            catalog("dF", help: .line("\\dF[x+]  [PATTERN]", "list text search configurations")) { c throws(Failure) in
                guard c.verbose else {
                    return c.list(try DescribeQueries.listTextSearchConfigurations(pattern: c.pattern, context: c.context),
                                  title: "List of text search configurations")
                }
                return c.commands.describeTextSearchConfigurations(
                    try DescribeQueries.findTextSearchConfigurations(pattern: c.pattern, context: c.context), pattern: c.pattern,
                    at: c.location)
            },
            catalog("dFd", help: .line("\\dFd[x+] [PATTERN]", "list text search dictionaries")) { c throws(Failure) in
                c.list(try DescribeQueries.listTextSearchDictionaries(pattern: c.pattern, verbose: c.verbose, context: c.context),
                       title: "List of text search dictionaries")
            },
            catalog("dFp", help: .line("\\dFp[x+] [PATTERN]", "list text search parsers")) { c throws(Failure) in
                guard c.verbose else {
                    return c.list(try DescribeQueries.listTextSearchParsers(pattern: c.pattern, context: c.context),
                                  title: "List of text search parsers")
                }
                return c.commands.describeTextSearchParsers(
                    try DescribeQueries.findTextSearchParsers(pattern: c.pattern, context: c.context), pattern: c.pattern,
                    at: c.location)
            },
            catalog("dFt", help: .line("\\dFt[x+] [PATTERN]", "list text search templates")) { c throws(Failure) in
                c.list(try DescribeQueries.listTextSearchTemplates(pattern: c.pattern, verbose: c.verbose, context: c.context),
                       title: "List of text search templates")
            },
            catalog("dg", help: .line("\\dg[Sx+] [PATTERN]", "list roles"), run: roles),
            catalog("di", help: .line("\\di[Sx+] [PATTERN]", "list indexes"), run: relations),
            rawListing("dl", help: .line("\\dl[x+]", "list large objects, same as \\lo_list")) { commands, call in
                // psql reads a pattern for every \d command; listLargeObjects has no use for it.
                _ = call.arguments.next()
                return commands.list(
                    MetaCommands.largeObjectsSQL(verbose: call.name.contains("+")), title: "Large objects",
                    options: commands.listingOptions(call.name))
            },
            catalog("dL", help: .line("\\dL[Sx+] [PATTERN]", "list procedural languages")) { c throws(Failure) in
                c.list(try DescribeQueries.listLanguages(pattern: c.pattern, verbose: c.verbose, system: c.system, context: c.context),
                       title: "List of languages")
            },
            catalog("dm", help: .line("\\dm[Sx+] [PATTERN]", "list materialized views"), run: relations),
            catalog("dn", help: .line("\\dn[Sx+] [PATTERN]", "list schemas")) { c throws(Failure) in
                c.commands.listSchemas(try DescribeQueries.listSchemas(pattern: c.pattern, verbose: c.verbose, system: c.system, context: c.context),
                                       publications: c.pattern.flatMap { DescribeQueries.schemaPublications(pattern: $0, context: c.context) },
                                       options: c.options)
            },
            catalog("do", help: .below("\\do[Sx+] [OPPTRN [TYPEPTRN [TYPEPTRN]]]", "list operators")) { c throws(Failure) in
                // After an operator pattern psql reads argument-type patterns as for \df (up to
                // FUNC_MAX_ARGS, so no extra-argument warnings) and uses the first two.
                var argumentTypes: [String] = []
                while c.pattern != nil, argumentTypes.count < 100, let type = c.arguments.nextPattern() { argumentTypes.append(type.text) }
                return c.list(try DescribeQueries.listOperators(
                    pattern: c.pattern, argumentTypes: argumentTypes, verbose: c.verbose, system: c.system, context: c.context),
                              title: "List of operators")
            },
            catalog("dO", help: .line("\\dO[Sx+] [PATTERN]", "list collations")) { c throws(Failure) in
                c.list(try DescribeQueries.listCollations(pattern: c.pattern, verbose: c.verbose, system: c.system, context: c.context),
                       title: "List of collations")
            },
            catalog("dp", help: .line("\\dp[Sx]  [PATTERN]", "list table, view, and sequence access privileges"), run: privileges),
            catalog("dP", help: .line("\\dP[itnx+] [PATTERN]", "list [only index/table] partitioned relations [n=nested]"), tab: ["\\dP", "\\dPi", "\\dPt"]) { c throws(Failure) in
                guard DescribeQueries.partitionedTablesSupported(serverVersion: c.context.serverVersion) else {
                    c.commands.session.error(
                        "The server (version \(c.context.serverVersion / 10000)) does not support declarative table partitioning.",
                        at: c.location)
                    return .ok
                }
                let kinds = DescribeQueries.PartitionedKinds(letters: String(c.name.dropFirst(2)))
                return c.list(try DescribeQueries.listPartitionedTables(kinds, pattern: c.pattern, verbose: c.verbose, context: c.context),
                              title: kinds.title)
            },
            catalog("drds", help: .below("\\drds[x] [ROLEPTRN [DBPTRN]]", "list per-database role settings")) { c throws(Failure) in
                // The database pattern is read only after a role pattern, as psql does.
                let databasePattern = c.secondPattern()
                return c.commands.listRoleSettings(
                    try DescribeQueries.listRoleSettings(rolePattern: c.pattern, databasePattern: databasePattern, context: c.context),
                    rolePattern: c.pattern, databasePattern: databasePattern, options: c.options, at: c.location)
            },
            catalog("drg", help: .line("\\drg[Sx] [PATTERN]", "list role grants")) { c throws(Failure) in
                c.list(try DescribeQueries.listRoleGrants(pattern: c.pattern, system: c.system, context: c.context), title: "List of role grants")
            },
            catalog("dRp", help: .line("\\dRp[x+] [PATTERN]", "list replication publications")) { c throws(Failure) in
                if c.verbose {
                    return c.commands.describePublications(
                        try DescribeQueries.findPublications(pattern: c.pattern, context: c.context), pattern: c.pattern, context: c.context,
                        at: c.location)
                }
                return c.list(try DescribeQueries.listPublications(pattern: c.pattern, context: c.context), title: "List of publications")
            },
            catalog("dRs", help: .line("\\dRs[x+] [PATTERN]", "list replication subscriptions")) { c throws(Failure) in
                c.list(try DescribeQueries.listSubscriptions(pattern: c.pattern, verbose: c.verbose, context: c.context),
                       title: "List of subscriptions")
            },
            catalog("ds", help: .line("\\ds[Sx+] [PATTERN]", "list sequences"), run: relations),
            catalog("dt", help: .line("\\dt[Sx+] [PATTERN]", "list tables"), run: relations),
            catalog("dT", help: .line("\\dT[Sx+] [PATTERN]", "list data types")) { c throws(Failure) in
                c.list(try DescribeQueries.listTypes(pattern: c.pattern, verbose: c.verbose, system: c.system, context: c.context),
                       title: "List of data types")
            },
            catalog("du", help: .line("\\du[Sx+] [PATTERN]", "list roles"), run: roles),
            catalog("dv", help: .line("\\dv[Sx+] [PATTERN]", "list views"), run: relations),
            catalog("dx", help: .line("\\dx[x+]  [PATTERN]", "list extensions")) { c throws(Failure) in
                guard c.verbose else {
                    return c.list(try DescribeQueries.listExtensions(pattern: c.pattern, context: c.context), title: "List of installed extensions")
                }
                return c.commands.listExtensionContents(try DescribeQueries.findExtensions(pattern: c.pattern, context: c.context),
                                                        pattern: c.pattern, options: c.options, at: c.location)
            },
            catalog("dX", help: .line("\\dX[x]   [PATTERN]", "list extended statistics")) { c throws(Failure) in
                c.list(try DescribeQueries.listExtendedStatistics(pattern: c.pattern, context: c.context), title: "List of extended statistics")
            },
            catalog("dy", help: .line("\\dy[x+]  [PATTERN]", "list event triggers")) { c throws(Failure) in
                c.list(try DescribeQueries.listEventTriggers(pattern: c.pattern, verbose: c.verbose, context: c.context),
                       title: "List of event triggers")
            },
            catalog("l", help: .line("\\l[x+]   [PATTERN]", "list databases"), tab: ["\\list"]) { c throws(Failure) in
                c.list(try DescribeQueries.listDatabases(pattern: c.pattern, verbose: c.verbose, context: c.context), title: "List of databases")
            },
            command("sf", "sf+", help: .line("\\sf[+]   FUNCNAME", "show a function's definition"), tab: ["\\sf"], mode: .wholeLine) {
                $0.showSource($1.name, &$1.arguments, at: $1.location)
            },
            command("sv", "sv+", help: .line("\\sv[+]   VIEWNAME", "show a view's definition"), tab: ["\\sv"], mode: .wholeLine) {
                $0.showSource($1.name, &$1.arguments, at: $1.location)
            },
            catalog("z", help: .line("\\z[Sx]   [PATTERN]", "same as \\dp"), run: privileges),
        ])

    /// psql 18 takes any letters after `\lo_list` (+ for verbose, x for expanded).
    static let largeObjects = MetaCommandSection(title: "Large Objects", commands: [
        command("lo_export", help: .line("\\lo_export LOBOID FILE", "write large object to file")) {
            $0.largeObject($1.name, &$1.arguments, at: $1.location)
        },
        command("lo_import", help: .below("\\lo_import FILE [COMMENT]", "read large object from file")) {
            $0.largeObject($1.name, &$1.arguments, at: $1.location)
        },
        rawListing("lo_list", help: .line("\\lo_list[x+]", "list large objects")) { $0.largeObject($1.name, &$1.arguments, at: $1.location) },
        command("lo_unlink", help: .line("\\lo_unlink LOBOID", "delete a large object")) {
            $0.largeObject($1.name, &$1.arguments, at: $1.location)
        },
    ])

    /// listTables: `\dt`, `\dv`, `\dm`, `\di`, `\ds` and `\dE`, whose letters combine (`\dtv`).
    private static let relations: MetaCommands.ListingBody = { c throws(Failure) in
        c.commands.listRelations(c.letters, pattern: c.pattern, verbose: c.verbose, system: c.system, context: c.context, at: c.location)
    }

    /// describeRoles: `\du` and `\dg`.
    private static let roles: MetaCommands.ListingBody = { c throws(Failure) in
        c.commands.listRoles(try DescribeQueries.listRoles(pattern: c.pattern, verbose: c.verbose, system: c.system, context: c.context),
                             verbose: c.verbose, options: c.options)
    }

    /// A member listing of the `\dA` family: exec_command_d reads one more pattern after an
    /// access-method pattern, the type for `\dAc` and `\dAf`, the operator family for `\dAo` and
    /// `\dAp`; help.c aligns their four entries among themselves.
    private static func accessMethodMember(
        _ key: String, _ usage: String, _ description: String, title: String,
        _ query: @escaping @Sendable (String?, String?, Bool, DescribeQueries.Context) throws(Failure) -> String
    ) -> MetaCommandSpec {
        catalog(key, help: .line(usage, description, width: 29)) { c throws(Failure) in
            let second = c.secondPattern()
            return c.list(try query(c.pattern, second, c.verbose, c.context), title: title)
        }
    }

    /// `\dp` and `\z` (describe.c permissionsList).
    private static let privileges: MetaCommands.ListingBody = { c throws(Failure) in
        c.list(try DescribeQueries.listPrivileges(pattern: c.pattern, system: c.system, context: c.context), title: "Access privileges")
    }

    private typealias Failure = PatternTranslator.Failure
}
