package org.dataflowatlas;

import org.dataflowatlas.neo4j.GraphInitializer;
import org.neo4j.driver.Driver;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Test classes that need a database of their own. {@link #LOCK} is their resource lock: carried with
 * {@code @Execution(CONCURRENT)}, such a class runs beside the classes that share the seeded context,
 * its methods in order, and never beside another class holding this lock.
 */
public final class OwnDatabase {

    public static final String LOCK = "dataflow-atlas.own-database";

    private static ConfigurableApplicationContext lane;

    private OwnDatabase() {}

    /**
     * The lock holders' database, as a fresh start would leave it: the seed alone, or empty. One
     * application without its web server (a temporary database on free ports) serves every holder
     * in turn, since they never run at once: a start costs seconds of CPU that the other lane needs.
     * Each call clears what the last holder left (all but the schema's and lineage's bookkeeping
     * nodes) and seeds again through the start-up's own initializer. Closed when the test JVM exits;
     * callers do not close it.
     */
    public static synchronized ConfigurableApplicationContext fresh(boolean seeded) {
        if (lane == null) {
            lane = new SpringApplicationBuilder(DataflowAtlasApplication.class)
                    .web(WebApplicationType.NONE)
                    .run(
                            "--dataflow.embedded.temporary=true",
                            "--dataflow.embedded.bolt-port=0",
                            "--dataflow.embedded.http-port=0",
                            "--dataflow.embedded.page-cache=32m",
                            // As generous as the shared test context: a busy machine plans the first statements slowly.
                            "--dataflow.limits.query-timeout=20s");
            if (seeded) {
                return lane;
            }
        }
        lane.getBean(Driver.class)
                .executableQuery(
                        "MATCH (n) WHERE none(label IN labels(n) WHERE label STARTS WITH '__') DETACH DELETE n")
                .execute();
        if (seeded) {
            try {
                lane.getBean(GraphInitializer.class).afterPropertiesSet();
            } catch (Exception ex) {
                throw new IllegalStateException("Seeding the own-database lane again failed", ex);
            }
        }
        return lane;
    }
}
