package org.dataflowatlas.web;

import java.util.ArrayList;
import org.dataflowatlas.neo4j.Neo4jConnectionInfo;
import org.dataflowatlas.security.ApiKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells a newcomer where everything is, once the API is ready. */
@Component
final class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final Neo4jConnectionInfo neo4j;
    private final Environment environment;
    private final ObjectProvider<ApiKeys> keys;

    StartupReport(Neo4jConnectionInfo neo4j, Environment environment, ObjectProvider<ApiKeys> keys) {
        this.neo4j = neo4j;
        this.keys = keys;
        this.environment = environment;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        var port = environment.getProperty("local.server.port");
        if (port == null) {
            return; // not serving (a command such as `load`)
        }
        var host = "http://localhost:" + port;
        var lines = new ArrayList<String>();
        lines.add("Dataflow Atlas is ready (" + event.getTimeTaken().toMillis() / 1000.0 + " s)");
        lines.add("  Explorer      " + host + "/");
        lines.add("  GraphQL API   " + host + "/graphql");
        lines.add("  GraphiQL      " + host + "/graphiql");
        lines.add("  Health        " + host + "/actuator/health");
        lines.add("  Neo4j         " + neo4j.description());
        lines.add("  Bolt          " + neo4j.boltUri());
        neo4j.browserUrl()
                .ifPresent(url -> lines.add("  Neo4j Browser " + url + "  (connect to " + neo4j.boltUri()
                        + ", authentication: " + neo4j.browserLoginHint() + ")"));
        neo4j.browserGuideUrl()
                .ifPresent(url ->
                        lines.add("  Browser guide " + url + "  (opens when Browser connects: style and queries)"));
        neo4j.dataDirectory().ifPresent(dir -> lines.add("  Data          " + dir));
        keys.ifAvailable(apiKeys -> lines.add("  Access        reads "
                + ("key".equalsIgnoreCase(environment.getProperty("dataflow.security.reads")) ? "need a key" : "open")
                + "; mutations need an editor key"
                + apiKeys.generatedKeyFile()
                        .map(file -> " (yours is in " + file + ")")
                        .orElse("")));
        log.info("\n\n{}\n", String.join("\n", lines));
    }
}
