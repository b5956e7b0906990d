package org.dataflowatlas.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.PartialDate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Wiring the schema needs beyond annotated controllers: the {@code Date} and {@code DateTime} scalars. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    static final GraphQLScalarType DATE = GraphQLScalarType.newScalar()
            .name("Date")
            .description("ISO 8601 date at year, month or day precision: 2016, 2023-07 or 2024-01-08.")
            .coercing(new DateCoercing())
            .build();

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("ISO 8601 instant with an offset: 2026-12-01T09:30:00Z or 2026-12-01T10:30:00+01:00.")
            .coercing(new DateTimeCoercing())
            .build();

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(DATE).scalar(DATE_TIME);
    }

    /** Accepts an instant with its offset (a bare date or local time names no instant); gives back ISO 8601. */
    static final class DateTimeCoercing implements Coercing<OffsetDateTime, String> {

        private static final String ADVICE =
                "A DateTime is an ISO 8601 instant with an offset, such as \"2026-12-01T09:30:00Z\"";

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof OffsetDateTime instant) {
                return instant.toString();
            }
            if (value instanceof ZonedDateTime instant) {
                return instant.toOffsetDateTime().toString();
            }
            if (value instanceof String text) {
                return text;
            }
            throw new CoercingSerializeException(
                    "Expected a date-time, got " + value.getClass().getSimpleName());
        }

        @Override
        public OffsetDateTime parseValue(Object input, GraphQLContext context, Locale locale) {
            if (!(input instanceof String text)) {
                throw new CoercingParseValueException(ADVICE + ", not " + input);
            }
            return parse(text, CoercingParseValueException::new);
        }

        @Override
        public OffsetDateTime parseLiteral(
                Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (!(input instanceof StringValue string)) {
                throw new CoercingParseLiteralException(ADVICE + ", written as a string.");
            }
            return parse(string.getValue(), CoercingParseLiteralException::new);
        }

        private static OffsetDateTime parse(String text, Function<String, RuntimeException> error) {
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException ex) {
                var shown = text.length() <= 40 ? text : text.substring(0, 40) + "…";
                throw error.apply(ADVICE + "; '" + shown + "' is not one.");
            }
        }
    }

    /** Accepts YYYY, YYYY-MM and YYYY-MM-DD (validated as calendar dates); gives back exactly what was written. */
    static final class DateCoercing implements Coercing<PartialDate, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof PartialDate date) {
                return date.text();
            }
            if (value instanceof String text) {
                return text;
            }
            throw new CoercingSerializeException(
                    "Expected a date, got " + value.getClass().getSimpleName());
        }

        @Override
        public PartialDate parseValue(Object input, GraphQLContext context, Locale locale) {
            if (!(input instanceof String text)) {
                throw new CoercingParseValueException("A Date is a string such as \"2023-07\", not " + input);
            }
            try {
                return PartialDate.parse(text);
            } catch (InvalidInputException ex) {
                throw new CoercingParseValueException(ex.getMessage());
            }
        }

        @Override
        public PartialDate parseLiteral(
                Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (!(input instanceof StringValue string)) {
                throw new CoercingParseLiteralException("A Date is written as a string such as \"2023-07\".");
            }
            try {
                return PartialDate.parse(string.getValue());
            } catch (InvalidInputException ex) {
                throw new CoercingParseLiteralException(ex.getMessage());
            }
        }
    }
}
