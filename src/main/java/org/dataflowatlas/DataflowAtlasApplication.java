package org.dataflowatlas;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.graphql.autoconfigure.observation.GraphQlObservationAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * Dataflow Atlas: an evidence-backed graph of who passes people's data to whom. The application
 * is configured here; it starts from the command line ({@code cli.Main}), so this package imports
 * none of its own.
 */
// No users or passwords: callers present API keys (see org.dataflowatlas.security).
// No GraphQL observations: GraphQL Java calls every instrumentation for every field of an answer, and
// this one alone cost a trace request more CPU than all the rest of GraphQL Java (JFR). Requests
// to /graphql are still timed, as http.server.requests.
@SpringBootApplication(exclude = {UserDetailsServiceAutoConfiguration.class, GraphQlObservationAutoConfiguration.class})
@ConfigurationPropertiesScan
public class DataflowAtlasApplication {}
