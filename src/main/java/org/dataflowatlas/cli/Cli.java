package org.dataflowatlas.cli;

import java.util.ArrayList;
import java.util.List;
import org.dataflowatlas.DataflowAtlasApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The application without its web server, for commands that work on the database and exit. */
final class Cli {

    private Cli() {}

    static ConfigurableApplicationContext context(List<String> springArguments) {
        var arguments = new ArrayList<>(springArguments);
        // Commands are run by the operator: their transactions get the embedded server's longer limit, not the API's.
        arguments.add("--spring.transaction.default-timeout=${dataflow.embedded.transaction-timeout}");
        arguments.add("--logging.level.root=WARN");
        // Start-up failures are reported by the command as one line that says what to do.
        arguments.add("--logging.level.org.springframework=OFF");
        return new SpringApplicationBuilder(DataflowAtlasApplication.class)
                .web(WebApplicationType.NONE)
                // A command uses a few beans: the API's (GraphQL schema, security, pages) are made only if
                // asked for: a cold command starts 1–2 s sooner. GraphInitializer stays eager.
                .lazyInitialization(true)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(arguments.toArray(String[]::new));
    }
}
