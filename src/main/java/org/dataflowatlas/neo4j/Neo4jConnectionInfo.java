package org.dataflowatlas.neo4j;

import java.nio.file.Path;
import java.util.Optional;
import org.dataflowatlas.neo4j.browserkit.BrowserKit;

/** Where the graph lives, for the start-up report and the health of a newcomer's first run. */
public record Neo4jConnectionInfo(
        boolean embedded, String boltUri, Optional<String> browserUrl, Optional<Path> dataDirectory) {

    public String description() {
        return embedded
                ? "embedded Neo4j " + org.neo4j.kernel.internal.Version.getNeo4jVersion() + " (in this process)"
                : "external Neo4j at " + boltUri;
    }

    /** The guide of analyst queries that the embedded server serves beside Browser (and Browser opens on connect). */
    public Optional<String> browserGuideUrl() {
        return browserUrl.map(url -> url.replaceFirst("/browser/$", BrowserKit.MOUNT + "/" + BrowserKit.GUIDE));
    }

    public String browserLoginHint() {
        return embedded ? "No authentication, localhost only" : "your Neo4j user";
    }
}
