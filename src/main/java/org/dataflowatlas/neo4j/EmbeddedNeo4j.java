package org.dataflowatlas.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.dataflowatlas.neo4j.browserkit.BrowserKit;
import org.dataflowatlas.neo4j.browserkit.BrowserKitResource;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.server.configuration.ServerSettings;
import org.neo4j.server.configuration.ThirdPartyJaxRsPackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Neo4j server running in this JVM: Bolt for the application and its users, HTTP for Neo4j
 * Browser, both bound to the configured (by default loopback) address.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final DatabaseManagementService dbms;
    private final Path dataDirectory;
    private final boolean temporary;
    private final String host;
    private final int boltPort;
    private final int httpPort;

    private EmbeddedNeo4j(
            DatabaseManagementService dbms,
            Path dataDirectory,
            boolean temporary,
            String host,
            int boltPort,
            int httpPort) {
        this.dbms = dbms;
        this.dataDirectory = dataDirectory;
        this.temporary = temporary;
        this.host = host;
        this.boltPort = boltPort;
        this.httpPort = httpPort;
    }

    /** How often a start on automatically chosen ports is tried again when another process took one of them. */
    private static final int AUTOMATIC_PORT_ATTEMPTS = 5;

    public static EmbeddedNeo4j start(EmbeddedNeo4jProperties properties) {
        boolean automaticPorts = properties.boltPort() == 0 || properties.httpPort() == 0;
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(properties);
            } catch (PortTakenException ex) {
                // A free port is only free until it is bound: between choosing it and Neo4j binding it,
                // another process on the machine may take it. Chosen ports can be chosen again.
                if (!automaticPorts || attempt == AUTOMATIC_PORT_ATTEMPTS) {
                    throw (RuntimeException) ex.getCause();
                }
                log.info("A chosen port was taken before Neo4j bound it; choosing again");
            }
        }
    }

    private static EmbeddedNeo4j startOnce(EmbeddedNeo4jProperties properties) {
        var host = properties.listenAddress();
        int boltPort;
        int httpPort;
        // Both probes stay open until both ports are known, so two automatic choices never coincide.
        try (var bolt = listen(host, properties.boltPort(), "Bolt", "DATAFLOW_BOLT_PORT");
                var http = listen(host, properties.httpPort(), "HTTP", "DATAFLOW_HTTP_PORT")) {
            boltPort = bolt.getLocalPort();
            httpPort = http.getLocalPort();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        var dataDirectory = properties.temporary() ? createTemporaryDirectory() : prepare(properties.dataDirectory());
        log.info(
                "Starting embedded Neo4j in {} (Bolt {}:{}, HTTP {}:{})",
                dataDirectory,
                host,
                boltPort,
                host,
                httpPort);
        try {
            var dbms = new DatabaseManagementServiceBuilder(dataDirectory)
                    .setConfig(GraphDatabaseSettings.data_directory, dataDirectory)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(properties.pageCache()))
                    .setConfig(GraphDatabaseSettings.transaction_timeout, properties.transactionTimeout())
                    .setConfig(
                            GraphDatabaseSettings.memory_transaction_max_size,
                            ByteUnit.parse(properties.transactionMemory()))
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(host, boltPort))
                    // Neo4j Browser asks the server where Bolt is: advertise the port really in use.
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(host, boltPort))
                    .setConfig(HttpConnector.enabled, true)
                    .setConfig(HttpConnector.listen_address, new SocketAddress(host, httpPort))
                    .setConfig(HttpConnector.advertised_address, new SocketAddress(host, httpPort))
                    // The Browser kit on the same origin as Browser: Browser fetches guides and styles only
                    // from hosts on its allowlist, and opens the guide itself once connected.
                    .setConfig(
                            ServerSettings.third_party_packages,
                            List.of(new ThirdPartyJaxRsPackage(
                                    BrowserKitResource.class.getPackageName(), BrowserKit.MOUNT)))
                    .setConfig(
                            ServerSettings.browser_remote_content_hostname_whitelist,
                            host.equals("localhost") ? "localhost" : "localhost," + host)
                    .setConfig(
                            ServerSettings.browser_post_connect_cmd,
                            "guide " + kitUrl(host, httpPort) + "/" + BrowserKit.GUIDE)
                    // Analysts' machines are often air-gapped, and what they study is who sends data where:
                    // neither the database nor Browser reports its use to Neo4j.
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .setConfig(ServerSettings.allow_telemetry, false)
                    // Without this, Netty waits twice for a 2 s quiet period on shutdown.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ZERO)
                    .build();
            return new EmbeddedNeo4j(dbms, dataDirectory, properties.temporary(), host, boltPort, httpPort);
        } catch (RuntimeException ex) {
            if (causedByTakenPort(ex)) {
                if (properties.temporary()) {
                    deleteRecursively(dataDirectory);
                }
                throw new PortTakenException(explain(ex, dataDirectory));
            }
            throw explain(ex, dataDirectory);
        }
    }

    public String boltUri() {
        return "bolt://" + host + ":" + boltPort;
    }

    public String browserUrl() {
        return "http://" + host + ":" + httpPort + "/browser/";
    }

    /** The Browser kit (style sheet and guide) this server serves. */
    public String browserKitUrl() {
        return kitUrl(host, httpPort);
    }

    private static String kitUrl(String host, int httpPort) {
        return "http://" + host + ":" + httpPort + BrowserKit.MOUNT;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        log.info("Stopping embedded Neo4j");
        dbms.shutdown();
        if (temporary) {
            deleteRecursively(dataDirectory);
        }
    }

    private static ServerSocket listen(String host, int port, String connector, String variable) {
        try {
            var socket = new ServerSocket();
            // A configured port may still hold the last run's closing connections; an automatic choice
            // must not be such a port, in case Neo4j binds without address reuse.
            socket.setReuseAddress(port != 0);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return socket;
        } catch (IOException ex) {
            throw new Neo4jStartupException("The embedded Neo4j cannot listen for " + connector + " on " + host + ":"
                    + port
                    + " (" + ex.getMessage() + "). Stop whatever uses that port (another Neo4j or Dataflow Atlas?),"
                    + " or choose another port with " + variable + ", or use that server with NEO4J_URI.");
        }
    }

    private static boolean causedByTakenPort(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException
                    || String.valueOf(cause.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    /** Neo4j could not bind a port chosen for it; its cause is the failure to report if no retry is left. */
    private static final class PortTakenException extends RuntimeException {
        PortTakenException(RuntimeException failure) {
            super(failure);
        }
    }

    private static Path prepare(Path directory) {
        try {
            return Files.createDirectories(directory.toAbsolutePath().normalize());
        } catch (IOException ex) {
            throw new Neo4jStartupException("Cannot create the data directory " + directory.toAbsolutePath() + " ("
                    + ex.getMessage() + "). Set DATAFLOW_DATA_DIR to a writable directory.");
        }
    }

    private static Path createTemporaryDirectory() {
        try {
            return Files.createTempDirectory("dataflow-atlas-neo4j-");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static RuntimeException explain(RuntimeException ex, Path dataDirectory) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            var message = String.valueOf(cause.getMessage());
            if (message.contains("lock") || message.contains("Lock")) {
                return new Neo4jStartupException(
                        "The data directory " + dataDirectory
                                + " is in use by another process (a running Dataflow Atlas or Neo4j). Stop it, or talk to it"
                                + " with NEO4J_URI=bolt://localhost:7687, or use another DATAFLOW_DATA_DIR.",
                        ex);
            }
        }
        return ex;
    }

    private static void deleteRecursively(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ex) {
            log.warn("Could not delete temporary Neo4j directory {}: {}", directory, ex.getMessage());
        }
    }
}
