package org.dataflowatlas.trace;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on open {@code traceChanged} subscriptions: each one re-walks its trace after every
 * committed write, so their number is what a write costs.
 *
 * @param perKey most subscriptions open at once with one key
 * @param total most subscriptions open at once in all
 */
@ConfigurationProperties("dataflow.subscriptions")
public record SubscriptionProperties(
        @DefaultValue("5") int perKey, @DefaultValue("100") int total) {}
