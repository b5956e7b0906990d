package org.dataflowatlas;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Test classes that start databases of their own. {@link #LOCK} is their resource lock: carried with
 * {@code @Execution(CONCURRENT)}, such a class runs beside the classes that share the seeded context,
 * its methods in order, and never beside another class holding this lock.
 */
public final class OwnDatabase {

    public static final String LOCK = "dataflow-atlas.own-database";

    private OwnDatabase() {}

    /**
     * The application without its web server on a fresh temporary database of its own (free ports,
     * deleted on close), with the seed or empty; the caller closes it.
     */
    public static ConfigurableApplicationContext start(boolean seeded) {
        return new SpringApplicationBuilder(DataflowAtlasApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--dataflow.embedded.temporary=true",
                        "--dataflow.embedded.bolt-port=0",
                        "--dataflow.embedded.http-port=0",
                        "--dataflow.embedded.page-cache=32m",
                        // As generous as the shared test context: a busy machine plans the first statements slowly.
                        "--dataflow.limits.query-timeout=20s",
                        "--dataflow.seed.enabled=" + seeded);
    }
}
