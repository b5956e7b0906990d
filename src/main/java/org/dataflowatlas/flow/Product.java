package org.dataflowatlas.flow;

import org.jspecify.annotations.Nullable;

/** A product or channel data passes through. */
public record Product(String id, String name, @Nullable String description) {}
