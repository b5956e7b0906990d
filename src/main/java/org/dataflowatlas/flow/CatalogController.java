package org.dataflowatlas.flow;

import static org.dataflowatlas.graph.Batches.byParent;
import static org.dataflowatlas.graph.Batches.ids;

import java.util.List;
import java.util.Map;
import org.dataflowatlas.evidence.EvidenceInput;
import org.dataflowatlas.evidence.RetractedLink;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.organization.Organization;
import org.dataflowatlas.security.Editors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Products and data categories; their list fields load in one batch per level. */
@Controller
class CatalogController {

    private final CatalogService catalog;

    CatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @QueryMapping
    @Nullable
    Product product(@Argument String id) {
        return catalog.product(Ids.checkSlug("id", id)).orElse(null);
    }

    @QueryMapping
    @Nullable
    DataCategory category(@Argument String id) {
        return catalog.category(Ids.checkSlug("id", id)).orElse(null);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    Product upsertProduct(@Argument ProductInput input) {
        return catalog.upsertProduct(input);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    RetractedLink retractOffer(
            @Argument String organization,
            @Argument String product,
            @Argument String reason,
            @Argument List<EvidenceInput> evidence) {
        return catalog.retractOffer(organization, product, reason, evidence);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    DataCategory upsertCategory(@Argument CategoryInput input) {
        return catalog.upsertCategory(input);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    RetractedLink retractDerivation(
            @Argument String category,
            @Argument String derivedFrom,
            @Argument String reason,
            @Argument List<EvidenceInput> evidence) {
        return catalog.retractDerivation(category, derivedFrom, reason, evidence);
    }

    @BatchMapping
    Map<Product, List<Organization>> offeredBy(List<Product> products) {
        return byParent(products, Product::id, catalog.offeredBy(ids(products, Product::id)), List.of());
    }

    @BatchMapping
    Map<DataCategory, List<DataCategory>> derivedFrom(List<DataCategory> categories) {
        return byParent(
                categories, DataCategory::id, catalog.derivedFrom(ids(categories, DataCategory::id)), List.of());
    }
}
