package org.dataflowatlas.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A registry's DBA cell, read as the registrants wrote it (cells from the 2025 California registry). */
class TradeNamesTest {

    @Test
    void a_cell_listing_several_trade_names_gives_each() {
        assertThat(RegistriesImporter.tradeNames("Quad, Rise")).containsExactly("Quad", "Rise");
        assertThat(RegistriesImporter.tradeNames(
                        "Stirista, 123Push, LBDigital, Customer Portfolios ,\nPortfolio Solutions"))
                .containsExactly("Stirista", "123Push", "LBDigital", "Customer Portfolios", "Portfolio Solutions");
    }

    @Test
    void a_legal_form_after_a_comma_stays_with_its_name() {
        assertThat(RegistriesImporter.tradeNames("L2, Inc")).containsExactly("L2, Inc");
        assertThat(RegistriesImporter.tradeNames("IDM, LLC")).containsExactly("IDM, LLC");
    }

    @Test
    void a_former_name_is_a_name_and_a_parent_is_not() {
        assertThat(RegistriesImporter.tradeNames("formerly FullContact, Inc.")).containsExactly("FullContact, Inc.");
        assertThat(RegistriesImporter.tradeNames("ShareThis, a division of Predactiv"))
                .containsExactly("ShareThis");
        assertThat(RegistriesImporter.tradeNames("Intelius, US Search & US Search Pro"))
                .containsExactly("Intelius", "US Search & US Search Pro");
    }
}
