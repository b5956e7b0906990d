package org.dataflowatlas.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CypherScriptTest {

    @Test
    void splits_statements_on_semicolons_and_remembers_their_lines() {
        var script = CypherScript.parse("s.cypher", "CREATE (a);\n\nMATCH (n)\nRETURN n;\n");
        assertThat(script.statements())
                .containsExactly(
                        new CypherScript.Statement(1, "CREATE (a)"),
                        new CypherScript.Statement(3, "MATCH (n)\nRETURN n"));
    }

    @Test
    void keeps_semicolons_inside_strings_names_and_comments_out_of_the_split() {
        var script = CypherScript.parse("s.cypher", """
                // a comment; with a semicolon
                CREATE (:A {q: 'it\\'s; fine', r: "double; quoted"}) /* block; comment */;
                MATCH (`odd;name`) RETURN 1;
                """);
        assertThat(script.statements()).hasSize(2);
        assertThat(script.statements().get(0).line()).isEqualTo(2);
        assertThat(script.statements().get(0).text()).contains("'it\\'s; fine'", "\"double; quoted\"");
        assertThat(script.statements().get(1).text()).isEqualTo("MATCH (`odd;name`) RETURN 1");
    }

    @Test
    void a_script_of_comments_only_has_no_statements() {
        assertThat(CypherScript.parse("s.cypher", "// nothing\n/* still\nnothing */\n  ;\n")
                        .statements())
                .isEmpty();
    }

    @Test
    void keeps_line_numbers_right_after_multi_line_block_comments() {
        var script = CypherScript.parse("s.cypher", "/* one\ntwo\nthree */ CREATE (a);\nCREATE (b);");
        assertThat(script.statements()).extracting(CypherScript.Statement::line).containsExactly(3, 4);
    }

    @Test
    void reports_an_unclosed_string_with_its_line() {
        assertThatThrownBy(() -> CypherScript.parse("bad.cypher", "CREATE (a);\nCREATE (:B {name: 'oops});"))
                .isInstanceOf(ScriptFailedException.class)
                .hasMessageStartingWith("bad.cypher:2:")
                .hasMessageContaining("never closed");
    }
}
