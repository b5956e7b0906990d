package org.dataflowatlas.flow;

import static org.dataflowatlas.MutationChecks.evidence;
import static org.dataflowatlas.MutationChecks.rejectedWithoutWriting;
import static org.dataflowatlas.MutationChecks.secondSendChangesNothing;

import java.util.List;
import java.util.Map;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.MutationChecks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * upsertProduct, upsertCategory and the retraction of offers and derivations against the real
 * embedded Neo4j, with what a derivation does to lineage traces. Every id starts with {@code cm-};
 * the class removes those nodes (and their audit entries) before and after it runs.
 */
@AtlasIntegrationTest
@WithMockUser(username = "test-editor", roles = "EDITOR")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogMutationGraphQlTest {

    private static final String REPORT = "cm-report";

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Driver driver;

    /** A platform's posts go to a vendor, whose alerts go to an agency; the alerts' category is not yet derived from the posts. */
    @BeforeAll
    void createAPlatformVendorAgencyAndTheirFlows() {
        MutationChecks.removeTestNodes(driver, "cm-");
        driver.executableQuery("""
                        MERGE (p:Organization:Platform {id: 'cm-platform'}) SET p.name = 'CM Platform', p.aliases = [], p.group = false
                        MERGE (v:Organization:Vendor {id: 'cm-vendor'}) SET v.name = 'CM Vendor', v.aliases = [], v.group = false
                        MERGE (a:Organization:Agency {id: 'cm-agency'}) SET a.name = 'CM Agency', a.aliases = [], a.group = false
                        MERGE (r:Source {id: 'cm-report'}) SET r.title = 'CM report', r.kind = 'NEWS_REPORT'
                        MERGE (posts:DataCategory {id: 'cm-posts'}) SET posts.name = 'CM posts', posts.origin = 'cm-platform'
                        MERGE (alerts:DataCategory {id: 'cm-alerts'}) SET alerts.name = 'CM alerts'
                        MERGE (f1:DataFlow {id: 'cm-platform-to-vendor'})
                          SET f1.purpose = 'COMMERCIAL', f1.accessMethod = 'FIREHOSE', f1.realTime = true, f1.confidence = 'CONFIRMED'
                        MERGE (p)-[:SENDS]->(f1)-[:TO]->(v)
                        MERGE (f1)-[:CARRIES]->(posts)
                        MERGE (f1)-[:EVIDENCED_BY {quote: 'posts'}]->(r)
                        MERGE (f2:DataFlow {id: 'cm-vendor-to-agency'})
                          SET f2.purpose = 'LAW_ENFORCEMENT', f2.accessMethod = 'ALERTS', f2.realTime = true, f2.confidence = 'REPORTED'
                        MERGE (v)-[:SENDS]->(f2)-[:TO]->(a)
                        MERGE (f2)-[:CARRIES]->(alerts)
                        MERGE (f2)-[:EVIDENCED_BY {quote: 'alerts'}]->(r)
                        """).execute();
    }

    @AfterAll
    void removeTestNodes() {
        MutationChecks.removeTestNodes(driver, "cm-");
    }

    @Test
    void a_derivation_recorded_with_upsert_category_extends_lineage_and_its_retraction_cuts_it_again() {
        reached().containsExactly("cm-vendor");

        var category = upsertCategory(
                        Map.of("id", "cm-alerts", "origin", "cm-platform", "derivedFrom", List.of("cm-posts")))
                .execute();
        category.path("upsertCategory.name").entity(String.class).isEqualTo("CM alerts");
        category.path("upsertCategory.origin").entity(String.class).isEqualTo("cm-platform");
        category.path("upsertCategory.derivedFrom[*].id")
                .entityList(String.class)
                .containsExactly("cm-posts");
        reached().containsExactly("cm-vendor", "cm-agency");

        var retracted = retractDerivation("cm-alerts", "cm-posts", "The alerts come from radio scanners.")
                .execute();
        retracted.path("retractDerivation.type").entity(String.class).isEqualTo("DERIVED_FROM");
        retracted.path("retractDerivation.from.id").entity(String.class).isEqualTo("cm-alerts");
        retracted
                .path("retractDerivation.from.derivedFrom")
                .entityList(Object.class)
                .hasSize(0);
        retracted.path("retractDerivation.to.id").entity(String.class).isEqualTo("cm-posts");
        retracted
                .path("retractDerivation.retraction.reason")
                .entity(String.class)
                .isEqualTo("The alerts come from radio scanners.");
        retracted
                .path("retractDerivation.retraction.evidence[0].source.id")
                .entity(String.class)
                .isEqualTo(REPORT);
        reached().containsExactly("cm-vendor");
        rejectedWithoutWriting(
                driver,
                retractDerivation("cm-alerts", "cm-posts-none", "r"),
                ErrorType.NOT_FOUND,
                "No record that 'cm-alerts' derives from 'cm-posts-none'");
    }

    @Test
    void upsert_category_creates_a_named_category_sent_twice_changes_nothing_and_refuses_loops() {
        secondSendChangesNothing(
                driver,
                upsertCategory(Map.of(
                        "id",
                        "cm-digest",
                        "name",
                        "CM digest",
                        "description",
                        "Daily digest.",
                        "derivedFrom",
                        List.of("cm-posts"))));
        rejectedWithoutWriting(
                driver,
                upsertCategory(Map.of("id", "cm-posts", "derivedFrom", List.of("cm-digest"))),
                ErrorType.BAD_REQUEST,
                "cm-digest already derives from 'cm-posts'",
                "retractDerivation");
        rejectedWithoutWriting(
                driver,
                upsertCategory(Map.of("id", "cm-nameless")),
                ErrorType.BAD_REQUEST,
                "'cm-nameless' is a new category: give it a name");
        rejectedWithoutWriting(
                driver,
                upsertCategory(Map.of("id", "cm-digest", "derivedFrom", List.of("cm-digest"))),
                ErrorType.BAD_REQUEST,
                "cannot be derived from itself");
        rejectedWithoutWriting(
                driver,
                upsertCategory(Map.of("id", "cm-digest", "origin", "cm-nobody")),
                ErrorType.NOT_FOUND,
                "cm-nobody");
    }

    @Test
    void upsert_product_names_who_offers_it_and_retract_offer_withdraws_that_keeping_it() {
        var product = upsertProduct(Map.of(
                        "id", "cm-radar", "name", "CM Radar", "description", "Alerts.", "offeredBy", "cm-vendor"))
                .execute();
        product.path("upsertProduct.name").entity(String.class).isEqualTo("CM Radar");
        product.path("upsertProduct.offeredBy[*].id").entityList(String.class).containsExactly("cm-vendor");
        upsertProduct(Map.of("id", "cm-radar", "description", "Real-time alerts."))
                .execute()
                .path("upsertProduct.name")
                .entity(String.class)
                .isEqualTo("CM Radar");

        var retracted = graphQl.documentName("mutationRetractOffer")
                .variable("organization", "cm-vendor")
                .variable("product", "cm-radar")
                .variable("reason", "A reseller offers it.")
                .variable("evidence", List.of(evidence(REPORT, "sold through a reseller")))
                .execute();
        retracted.path("retractOffer.type").entity(String.class).isEqualTo("OFFERS");
        retracted.path("retractOffer.to.offeredBy").entityList(Object.class).hasSize(0);
        retracted
                .path("retractOffer.retraction.evidence[0].quote")
                .entity(String.class)
                .isEqualTo("sold through a reseller");

        secondSendChangesNothing(
                driver, upsertProduct(Map.of("id", "cm-feed", "name", "CM Feed", "offeredBy", "cm-platform")));
        rejectedWithoutWriting(
                driver,
                upsertProduct(Map.of("id", "cm-unnamed")),
                ErrorType.BAD_REQUEST,
                "'cm-unnamed' is a new product: give it a name");
        rejectedWithoutWriting(
                driver,
                upsertProduct(Map.of("id", "cm-feed", "offeredBy", "cm-nobody")),
                ErrorType.NOT_FOUND,
                "cm-nobody");
    }

    private GraphQlTester.EntityList<String> reached() {
        return graphQl.documentName("lineageReach")
                .variable("from", "cm-platform")
                .execute()
                .path("trace.reached[*].organization.id")
                .entityList(String.class);
    }

    private GraphQlTester.Request<?> upsertCategory(Map<String, Object> input) {
        return graphQl.documentName("mutationUpsertCategory").variable("input", input);
    }

    private GraphQlTester.Request<?> upsertProduct(Map<String, Object> input) {
        return graphQl.documentName("mutationUpsertProduct").variable("input", input);
    }

    private GraphQlTester.Request<?> retractDerivation(String category, String derivedFrom, String reason) {
        return graphQl.documentName("mutationRetractDerivation")
                .variable("category", category)
                .variable("derivedFrom", derivedFrom)
                .variable("reason", reason)
                .variable("evidence", List.of(evidence(REPORT, "built from police radio")));
    }
}
