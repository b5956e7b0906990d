package org.dataflowatlas.timeline;

import java.util.List;
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
    List<TimelineEntry> timeline(@Argument String entity) {
        return timelines.timeline(entity);
    }
}
