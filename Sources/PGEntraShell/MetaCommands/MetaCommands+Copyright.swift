import PGEntraSystem

/// `\copyright`: PostgreSQL's distribution terms, as psql 18's print_copyright (help.c) prints
/// them, on stdout whatever `\o` says.
extension MetaCommands {
    func copyright() -> Outcome {
        session.output.flush()
        session.printStandard(Self.copyrightText)
        return .ok
    }

    static let copyrightText = """
        PostgreSQL Database Management System
        (also known as Postgres, formerly known as Postgres95)

        Portions Copyright (c) 1996-2025, PostgreSQL Global Development Group

        Portions Copyright (c) 1994, The Regents of the University of California

        Permission to use, copy, modify, and distribute this software and its
        documentation for any purpose, without fee, and without a written agreement
        is hereby granted, provided that the above copyright notice and this
        paragraph and the following two paragraphs appear in all copies.

        IN NO EVENT SHALL THE UNIVERSITY OF CALIFORNIA BE LIABLE TO ANY PARTY FOR
        DIRECT, INDIRECT, SPECIAL, INCIDENTAL, OR CONSEQUENTIAL DAMAGES, INCLUDING
        LOST PROFITS, ARISING OUT OF THE USE OF THIS SOFTWARE AND ITS
        DOCUMENTATION, EVEN IF THE UNIVERSITY OF CALIFORNIA HAS BEEN ADVISED OF THE
        POSSIBILITY OF SUCH DAMAGE.

        THE UNIVERSITY OF CALIFORNIA SPECIFICALLY DISCLAIMS ANY WARRANTIES,
        INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY
        AND FITNESS FOR A PARTICULAR PURPOSE.  THE SOFTWARE PROVIDED HEREUNDER IS
        ON AN "AS IS" BASIS, AND THE UNIVERSITY OF CALIFORNIA HAS NO OBLIGATIONS TO
        PROVIDE MAINTENANCE, SUPPORT, UPDATES, ENHANCEMENTS, OR MODIFICATIONS.


        """
}
