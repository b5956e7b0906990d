package org.dataflowatlas.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.dataflowatlas.graph.GraphWritten;
import org.dataflowatlas.graph.Lineage;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.Neo4jException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Runs Cypher scripts statement by statement, one transaction per script: a script either lands
 * whole or not at all.
 *
 * <p>Uses the driver directly (not Neo4jClient) because it needs one explicit transaction spanning
 * many statements and each statement's update counters.
 */
@Component
public class CypherScriptLoader {

    private static final Pattern POSITION = Pattern.compile("\\(line (\\d+), column \\d+");

    private final Driver driver;
    private final ApplicationEventPublisher events;

    CypherScriptLoader(Driver driver, ApplicationEventPublisher events) {
        this.events = events;
        this.driver = driver;
    }

    public LoadResult load(Path file) {
        var name = file.toString();
        try {
            return load(CypherScript.parse(name, Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException ex) {
            throw new ScriptFailedException(name, 0, "cannot be read (" + ex.getMessage() + ")", ex);
        }
    }

    public LoadResult load(Resource resource) {
        var name = resource.getFilename() == null ? resource.getDescription() : resource.getFilename();
        try {
            return load(CypherScript.parse(name, resource.getContentAsString(StandardCharsets.UTF_8)));
        } catch (IOException ex) {
            throw new ScriptFailedException(name, 0, "cannot be read (" + ex.getMessage() + ")", ex);
        }
    }

    public LoadResult load(CypherScript script) {
        long started = System.nanoTime();
        var result = LoadResult.empty(script.name());
        try (var session = driver.session();
                var transaction = session.beginTransaction()) {
            for (var statement : script.statements()) {
                try {
                    result = result.plus(
                            transaction.run(statement.text()).consume().counters());
                } catch (Neo4jException ex) {
                    transaction.rollback();
                    throw new ScriptFailedException(
                            script.name(),
                            lineOfError(statement, ex),
                            ex.getMessage().strip() + " — nothing from this file was written (rolled back).",
                            ex);
                }
            }
            transaction.commit();
        }
        // A script may write flows, categories or evidence in any way, so what traces read from them is made again.
        if (result.changedAnything()) {
            try (var session = driver.session()) {
                Lineage.rebuildAll(
                        (cypher, parameters) -> session.run(cypher, parameters).consume());
            }
            events.publishEvent(new GraphWritten("load"));
        }
        return result.took(Duration.ofNanos(System.nanoTime() - started));
    }

    /** Neo4j reports positions within the statement; turn them into a line of the file. */
    private static int lineOfError(CypherScript.Statement statement, Neo4jException ex) {
        var matcher = POSITION.matcher(String.valueOf(ex.getMessage()));
        return matcher.find() ? statement.line() + Integer.parseInt(matcher.group(1)) - 1 : statement.line();
    }
}
