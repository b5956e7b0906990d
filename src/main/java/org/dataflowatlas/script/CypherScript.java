package org.dataflowatlas.script;

import java.util.ArrayList;
import java.util.List;

/**
 * A Cypher script as analysts write it for Neo4j Browser and cypher-shell: statements separated by
 * semicolons, with comments and string literals that may themselves contain semicolons.
 *
 * @param name what to call the script in messages (usually its path)
 * @param statements the statements in order, each with the line it starts on
 */
public record CypherScript(String name, List<Statement> statements) {

    /** One statement and the 1-based line of the script where it starts. */
    public record Statement(int line, String text) {}

    public static CypherScript parse(String name, String text) {
        var statements = new ArrayList<Statement>();
        var current = new StringBuilder();
        int line = 1;
        int startLine = -1; // line of the first code character of the current statement
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
            if (c == '/' && next == '/') { // line comment: kept out of the statement
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && next == '*') { // block comment
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new ScriptFailedException(name, line, "a /* comment is never closed with */");
                }
                int newlines = count(text, i, end + 2, '\n');
                line += newlines;
                current.append(newlines == 0 ? " " : "\n".repeat(newlines)); // keeps line numbers in messages right
                i = end + 2;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') { // literal or quoted name: copied verbatim
                int end = endOfQuoted(text, i, c);
                if (end < 0) {
                    throw new ScriptFailedException(
                            name, line, "a " + c + " quote is never closed; check for a missing " + c + " or \\" + c);
                }
                if (startLine < 0) {
                    startLine = line;
                }
                current.append(text, i, end + 1);
                line += count(text, i, end + 1, '\n');
                i = end + 1;
                continue;
            }
            if (c == ';') {
                add(statements, current, startLine);
                current.setLength(0);
                startLine = -1;
                i++;
                continue;
            }
            if (c == '\n') {
                line++;
            } else if (!Character.isWhitespace(c) && startLine < 0) {
                startLine = line;
            }
            current.append(c);
            i++;
        }
        add(statements, current, startLine);
        return new CypherScript(name, List.copyOf(statements));
    }

    private static void add(List<Statement> statements, StringBuilder text, int line) {
        var statement = text.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(new Statement(line, statement));
        }
    }

    /** Index of the closing quote; backslash escapes inside strings, doubled backticks inside names. */
    private static int endOfQuoted(String text, int start, char quote) {
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quote != '`') {
                i++;
            } else if (c == quote) {
                if (quote == '`' && i + 1 < text.length() && text.charAt(i + 1) == '`') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int count(String text, int from, int to, char wanted) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == wanted) {
                n++;
            }
        }
        return n;
    }
}
