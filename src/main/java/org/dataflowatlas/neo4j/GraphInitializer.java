package org.dataflowatlas.neo4j;

import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import org.dataflowatlas.graph.Lineage;
import org.dataflowatlas.script.CypherScriptLoader;
import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.RoutingControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Brings the database up to date before anything serves from it: applies the versioned schema
 * scripts ({@code cypher/schema}) and, on an empty database, loads the seed scripts ({@code cypher/seed}).
 * Runs during context start-up, so the API never answers from a half-prepared graph.
 */
// Eager even where the rest of the context is lazy (the commands): nothing asks for it, and every
// start must migrate the schema and seed an empty database.
@Component
@Lazy(false)
public class GraphInitializer implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(GraphInitializer.class);

    private final Driver driver;
    private final CypherScriptLoader loader;
    private final boolean seedEnabled;
    private final String seedLocation;

    GraphInitializer(
            Driver driver,
            CypherScriptLoader loader,
            @Value("${dataflow.seed.enabled:true}") boolean seedEnabled,
            @Value("${dataflow.seed.location:classpath*:cypher/seed/*.cypher}") String seedLocation) {
        this.driver = driver;
        this.loader = loader;
        this.seedEnabled = seedEnabled;
        this.seedLocation = seedLocation;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        applySchema();
        boolean empty = isEmpty();
        if (seedEnabled && empty) {
            seed();
            empty = false;
        }
        buildLineageOnce(empty);
    }

    private void applySchema() {
        var config = MigrationsConfig.builder()
                .withLocationsToScan("classpath:cypher/schema")
                .withResourceScanner(new SpringResourceScanner())
                .withTransactionMode(MigrationsConfig.TransactionMode.PER_STATEMENT)
                .withInstalledBy("dataflow-atlas")
                .build();
        var applied = new Migrations(config, driver).apply();
        log.info("Schema is at version {}", applied.map(Object::toString).orElse("(none)"));
    }

    /**
     * A database written before lineage links were kept gets them once (the seed's load makes them
     * itself); an empty one has nothing to link, and only gets the mark.
     */
    private void buildLineageOnce(boolean empty) {
        boolean built = driver.executableQuery(Lineage.isBuilt())
                .execute()
                .records()
                .getFirst()
                .get("built")
                .asBoolean();
        if (!built && empty) {
            driver.executableQuery(Lineage.mark()).execute();
        } else if (!built) {
            long started = System.nanoTime();
            try (var session = driver.session()) {
                Lineage.rebuildAll(
                        (cypher, parameters) -> session.run(cypher, parameters).consume());
            }
            log.info("Built the lineage links and evidence dates in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Empty means no data of ours: neo4j-migrations' own bookkeeping nodes (labels starting "__") do not count. */
    private boolean isEmpty() {
        return driver.executableQuery(
                        "MATCH (n) WHERE none(label IN labels(n) WHERE label STARTS WITH '__') RETURN 1 LIMIT 1")
                .withConfig(
                        QueryConfig.builder().withRouting(RoutingControl.READ).build())
                .execute()
                .records()
                .isEmpty();
    }

    private void seed() throws IOException {
        var scripts = new PathMatchingResourcePatternResolver().getResources(seedLocation);
        Arrays.sort(scripts, Comparator.comparing(r -> String.valueOf(r.getFilename())));
        for (Resource script : scripts) {
            log.info("Seeding the empty database: {}", loader.load(script).summary());
        }
    }
}
