import Testing
@testable import PGEntraOutput

extension OutputTests {
    /// Titles and footers from callers (describe commands), and the terminal width from the Shell.
    @Suite struct TableContentOptionsTests {
        private let columns = [TableColumn(name: "Name", typeOID: 25), TableColumn(name: "Owner", typeOID: 25)]
        private let rows = StringRows([["public", "pg_database_owner"]])

        private func render(_ options: PrintOptions, _ content: TableContentOptions?, terminalWidth: Int? = nil) -> String {
            let sink = ByteSink(.memory)
            options.printTable(columns: columns, rows: rows, content: content, terminalWidth: terminalWidth, to: sink)
            return sink.text
        }

        @Test func customFootersReplaceTheRowCount() {
            let content = TableContentOptions(title: "Schemas", footers: ["Footer one", "Footer two"])
            #expect(render(PrintOptions(), content) == """
                          Schemas
                  Name  |       Owner      \u{20}
                --------+-------------------
                 public | pg_database_owner
                Footer one
                Footer two


                """)
        }

        /// psql's print_aligned_vertical: an empty line, then the footers.
        @Test func expandedOutputPrintsCustomFootersAfterAnEmptyLine() {
            var options = PrintOptions()
            options.expanded = .on
            #expect(render(options, TableContentOptions(footers: ["Note"])) == """
                -[ RECORD 1 ]------------
                Name  | public
                Owner | pg_database_owner

                Note


                """)
        }

        @Test func footerOffStillPrintsCustomFooters() {
            var options = PrintOptions()
            options.footer = false
            options.format = .unaligned
            #expect(render(options, TableContentOptions(footers: ["F"])) == "Name|Owner\npublic|pg_database_owner\nF\n")
            #expect(render(options, nil) == "Name|Owner\npublic|pg_database_owner\n")
        }

        @Test func aNilContentUsesThePsetTitle() {
            var options = PrintOptions()
            options.title = "T"
            options.format = .unaligned
            #expect(render(options, nil).hasPrefix("T\nName|Owner\n"))
        }

        @Test func theTerminalWidthDrivesExpandedAutoWhenColumnsIsUnset() {
            var options = PrintOptions()
            options.expanded = .auto
            #expect(render(options, nil, terminalWidth: 20).hasPrefix("-[ RECORD 1 ]"))
            #expect(render(options, nil, terminalWidth: 80).hasPrefix("  Name  |"))
            #expect(render(options, nil).hasPrefix("  Name  |"))
            options.columns = 20
            #expect(render(options, nil, terminalWidth: 80).hasPrefix("-[ RECORD 1 ]"))
        }
    }
}

extension OutputTests {
    @Suite struct CommandStatusTests {
        @Test func statusLinesAreTheTagOrAnHTMLParagraph() {
            let sink = ByteSink(.memory)
            PrintOptions().writeStatus("INSERT 0 1", to: sink)
            var html = PrintOptions()
            html.format = .html
            html.writeStatus("SELECT <3> & \"x\"", to: sink)
            #expect(sink.text == "INSERT 0 1\n<p>SELECT &lt;3&gt; &amp; &quot;x&quot;</p>\n")
        }
    }
}
