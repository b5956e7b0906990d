package org.dataflowatlas.search;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @QueryMapping
    List<SearchHit> search(@Argument String text, @Argument int first) {
        return search.search(text, first);
    }
}
