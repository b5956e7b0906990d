package org.dataflowatlas.timeline;

import org.jspecify.annotations.Nullable;

/** One dated thing that happened to or around an entity; {@code subject} is the event, statement, flow or ownership's owner. */
public record TimelineEntry(@Nullable String date, TimelineKind kind, String title, Object subject) {}
