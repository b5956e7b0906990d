package org.dataflowatlas.neo4j;

import java.util.Set;
import org.neo4j.driver.Config;
import org.neo4j.driver.NotificationClassification;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Driver settings shared by the embedded and the external server.
 *
 * <p>The server is asked not to send "unrecognized" notifications. They say that a label or property
 * key is not in the database yet (no flow retracted, so no {@code retracted} key), which is normal in a
 * young graph and says nothing about our statements, whose names the tests cover. Each one cost the
 * server the check and Spring Data Neo4j a regex-based formatting per statement: 6 % of a trace
 * request's time in JFR.
 */
@Configuration(proxyBeanMethods = false)
public class DriverSettings {

    /** Applies the shared settings; the embedded driver calls it, Spring Boot applies it to an external one. */
    public static Config.ConfigBuilder apply(Config.ConfigBuilder builder) {
        return builder.withDisabledNotificationClassifications(Set.of(NotificationClassification.UNRECOGNIZED));
    }

    @Bean
    ConfigBuilderCustomizer sharedDriverSettings() {
        return DriverSettings::apply;
    }
}
