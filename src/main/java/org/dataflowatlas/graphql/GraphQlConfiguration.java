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
import java.util.Locale;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.PartialDate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Wiring the schema needs beyond annotated controllers: the {@code Date} scalar. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    static final GraphQLScalarType DATE = GraphQLScalarType.newScalar()
            .name("Date")
            .description("ISO 8601 date at year, month or day precision: 2016, 2023-07 or 2024-01-08.")
            .coercing(new DateCoercing())
            .build();

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(DATE);
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
