package org.dataflowatlas.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.TestSupport;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

@AtlasIntegrationTest
class CypherScriptLoaderTest {

    @Autowired
    CypherScriptLoader loader;

    @Autowired
    Driver driver;

    @Test
    void loads_a_script_in_one_transaction_and_reports_the_counters() {
        var result = loader.load(CypherScript.parse("ok.cypher", """
                MERGE (s:Source {id: 'loader-test-source'}) SET s.title = 'Loader test', s.kind = 'DATASET';
                MERGE (o:Organization {id: 'loader-test-org'}) SET o:Company, o.name = 'Loader test org';
                MATCH (s:Source {id: 'loader-test-source'}), (o:Organization {id: 'loader-test-org'})
                MERGE (s)-[:PUBLISHED_BY]->(o);
                """));
        assertThat(result.statements()).isEqualTo(3);
        assertThat(result.nodesCreated()).isEqualTo(2);
        assertThat(result.relationshipsCreated()).isEqualTo(1);
        assertThat(result.labelsAdded()).isEqualTo(3);
        assertThat(result.summary()).startsWith("ok.cypher: 3 statements, 2 nodes created");
    }

    @Test
    void a_failing_statement_rolls_back_the_whole_file_and_says_where() {
        var before = TestSupport.fingerprint(driver);
        var script = CypherScript.parse("broken.cypher", """
                // creates something first, so a rollback is visible
                MERGE (o:Organization {id: 'should-not-exist'}) SET o.name = 'Rolled back';

                MATCH (o:Organization {id: 'should-not-exist'})
                RETURN o.name AS name,
                       nonsense(o) AS oops;
                """);
        assertThatThrownBy(() -> loader.load(script))
                .isInstanceOf(ScriptFailedException.class)
                .hasMessageStartingWith("broken.cypher:6: ")
                .hasMessageContaining("nonsense")
                .hasMessageContaining("rolled back")
                .satisfies(ex -> assertThat(((ScriptFailedException) ex).line()).isEqualTo(6));
        assertThat(TestSupport.fingerprint(driver)).isEqualTo(before);
    }

    @Test
    void a_constraint_violation_names_the_statement_line() {
        var script = CypherScript.parse("dupe.cypher", """
                CREATE (:Organization {id: 'dupe-org', name: 'First'});
                CREATE (:Organization {id: 'dupe-org', name: 'Second'});
                """);
        assertThatThrownBy(() -> loader.load(script))
                .isInstanceOf(ScriptFailedException.class)
                .hasMessageStartingWith("dupe.cypher:2: ")
                .hasMessageContaining("dupe-org");
        assertThat(driver.executableQuery("MATCH (o:Organization {id: 'dupe-org'}) RETURN o")
                        .execute()
                        .records())
                .isEmpty();
    }
}
