package org.dataflowatlas;

import java.util.ArrayList;
import java.util.Arrays;
import org.dataflowatlas.neo4j.GraphInitializer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.neo4j.driver.Driver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Test classes that need a database of their own. {@link #LOCK} is their resource lock: carried with
 * {@code @Execution(CONCURRENT)}, such a class runs beside the classes that share the seeded context,
 * its methods in order, and never beside another class holding this lock.
 *
 * <p>The lock holders share one application in turn, since they never run at once and a start costs
 * seconds of CPU the other lane needs: the application as {@link AtlasIntegrationTest} configures it,
 * but with reads that need a key and small subscription limits (2 per key, 3 in all), on a temporary
 * database of its own. It starts on first use and closes when the test JVM exits. It is started as an
 * application rather than as a Spring test context because Spring's test context cache starts one
 * context at a time and holds every other test's look-up of its context meanwhile: the shared-context
 * classes beside it would wait for this start.
 */
public final class OwnDatabase {

    public static final String LOCK = "dataflow-atlas.own-database";

    private static ConfigurableApplicationContext lane;

    private OwnDatabase() {}

    /** The lane's application, its graph as the last holder left it (the seed, on first use). */
    public static synchronized ConfigurableApplicationContext application() {
        if (lane == null) {
            var arguments = new ArrayList<String>();
            Arrays.stream(AtlasIntegrationTest.class
                            .getAnnotation(SpringBootTest.class)
                            .properties())
                    .map(property -> "--" + property)
                    .forEach(arguments::add);
            arguments.addAll(Arrays.asList(
                    "--server.port=0",
                    "--dataflow.security.reads=key",
                    "--dataflow.subscriptions.per-key=2",
                    "--dataflow.subscriptions.total=3"));
            lane = new SpringApplicationBuilder(DataflowAtlasApplication.class).run(arguments.toArray(String[]::new));
        }
        return lane;
    }

    /**
     * The lane's application with its graph as a fresh start would leave it: the seed alone, or empty.
     * What the last holder left is cleared (all but the schema's and lineage's bookkeeping nodes) and
     * the seed loaded again through the start-up's own initializer.
     */
    public static synchronized ConfigurableApplicationContext fresh(boolean seeded) {
        boolean starting = lane == null;
        var application = application();
        if (starting && seeded) {
            return application;
        }
        application
                .getBean(Driver.class)
                .executableQuery(
                        "MATCH (n) WHERE none(label IN labels(n) WHERE label STARTS WITH '__') DETACH DELETE n")
                .execute();
        if (seeded) {
            try {
                application.getBean(GraphInitializer.class).afterPropertiesSet();
            } catch (Exception ex) {
                throw new IllegalStateException("Seeding the own-database lane again failed", ex);
            }
        }
        return application;
    }

    /** The port of the lane's web server. */
    public static int port() {
        return ((WebServerApplicationContext) application()).getWebServer().getPort();
    }

    public static <T> T bean(Class<T> type) {
        return application().getBean(type);
    }

    /** Before a class's first test: the lane's graph is the seed alone. */
    public static final class Seeded implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            fresh(true);
        }
    }
}
