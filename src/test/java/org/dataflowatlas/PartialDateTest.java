package org.dataflowatlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartialDateTest {

    @Test
    void a_partial_date_stands_for_the_interval_it_covers_and_keeps_its_text() {
        assertThat(PartialDate.parse("2016"))
                .isEqualTo(new PartialDate("2016", LocalDate.of(2016, 1, 1), LocalDate.of(2016, 12, 31)));
        assertThat(PartialDate.parse("2024-02"))
                .isEqualTo(new PartialDate("2024-02", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)));
        assertThat(PartialDate.parse("2024-01-08").first()).isEqualTo(LocalDate.of(2024, 1, 8));
        assertThat(PartialDate.parse("2023-07").toString()).isEqualTo("2023-07");
    }

    @Test
    void impossible_and_malformed_dates_are_rejected_with_what_to_write() {
        for (var bad : List.of("2023-13", "2023-02-30", "-1", "99999", "2023-7", "July 2023", "", "2023-07-01T00:00")) {
            assertThatThrownBy(() -> PartialDate.parse(bad))
                    .as(bad)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("YYYY");
        }
    }

    @Test
    void sorts_by_first_day_then_the_shorter_interval_first() {
        var dates = new ArrayList<>(List.of("2024", "2023-07", "2024-01", "2023", "2014", "2024-01-08").stream()
                .map(PartialDate::parse)
                .toList());
        dates.sort(null);
        assertThat(dates)
                .extracting(PartialDate::text)
                .containsExactly("2014", "2023", "2023-07", "2024-01", "2024", "2024-01-08");
    }
}
