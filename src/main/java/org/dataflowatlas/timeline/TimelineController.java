package org.dataflowatlas.timeline;

import java.time.OffsetDateTime;
import java.util.List;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.graph.AsOf;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class TimelineController {

    private final TimelineService timelines;

    TimelineController(TimelineService timelines) {
        this.timelines = timelines;
    }

    @QueryMapping
    List<TimelineEntry> timeline(
            @Argument String entity,
            @Argument @Nullable PartialDate asKnownOn,
            @Argument @Nullable OffsetDateTime recordedAsOf) {
        return timelines.timeline(entity, AsOf.of(asKnownOn, recordedAsOf));
    }
}
