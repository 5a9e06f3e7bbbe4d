import Testing
@testable import PGEntraShell

/// Issue 14 item 4: where psql offers nothing, what a pgcli user expects: the columns of the
/// tables a statement names, wherever on the line they are named, through their aliases, in
/// the select list, WHERE, ORDER BY and GROUP BY.
@Suite struct CompletionPastPsqlTests {
    private func offered(_ before: String, after: String = "") -> [String] {
        TabCompleter(catalog: FixedCatalog(), home: nil) { Variables() }.complete(before, after: after).candidates
    }

    @Test func theSelectListOffersTheColumnsOfAFromNotTypedYet() {
        #expect(offered("select ", after: " from items") == ["\"Odd(Name\"(", "count(", "id", "label", "lower(", "quantity", "quote_ident("])
        #expect(offered("select qu", after: " from items") == ["quantity", "quote_ident("])
        #expect(offered("select id, la", after: " from items join orders on true") == ["label"])
        #expect(offered("select pl", after: " from items i join orders o on i.id = o.item_id") == ["placed"])
    }

    @Test func anAliasDefinedLaterOnTheLineGivesItsTablesColumns() {
        #expect(offered("select o.", after: " from orders o") == ["o.id", "o.item_id", "o.placed"])
        #expect(offered("select i.la, o.", after: " from items i, orders as o where true") == ["o.id", "o.item_id", "o.placed"])
    }

    @Test func theCursorInsideAWordAndAfterTheStatementIsIgnored() {
        // The rest of the word being completed, and the next statement, name nothing.
        #expect(offered("select qu", after: "antity from items") == ["quantity", "quote_ident("])
        #expect(offered("select la", after: "; select * from items").isEmpty)
        #expect(offered("select la", after: " from orders; select * from items").isEmpty)
    }

    @Test func whereOrderByAndGroupByOfferColumns() {
        #expect(offered("select * from items where la") == ["label"])
        #expect(offered("select count(*) from orders group by pl") == ["placed"])
        #expect(offered("select * from orders order by item") == ["item_id"])
        #expect(offered("select * from orders o where o.pl") == ["o.placed"])
    }
}
