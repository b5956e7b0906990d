package org.dataflowatlas;

import org.dataflowatlas.cli.AtlasCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.graphql.autoconfigure.observation.GraphQlObservationAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/** Dataflow Atlas: an evidence-backed graph of who passes people's data to whom. */
// No users or passwords: callers present API keys (see org.dataflowatlas.security).
// No GraphQL observations: GraphQL Java calls every instrumentation for every field of an answer, and
// this one alone cost a trace request more CPU than all the rest of GraphQL Java (JFR). Requests
// to /graphql are still timed, as http.server.requests.
@SpringBootApplication(exclude = {UserDetailsServiceAutoConfiguration.class, GraphQlObservationAutoConfiguration.class})
@ConfigurationPropertiesScan
public class DataflowAtlasApplication {

    public static void main(String[] args) {
        // Neo4j ships its own SLF4J provider; choosing Logback explicitly keeps one log and no start-up warning.
        System.setProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        int exitCode = AtlasCommand.run(args);
        // `serve` keeps running on its non-daemon web threads; every other command ends here.
        if (exitCode != AtlasCommand.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }
}
