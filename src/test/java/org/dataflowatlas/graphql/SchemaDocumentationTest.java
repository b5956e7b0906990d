package org.dataflowatlas.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLUnionType;
import java.util.ArrayList;
import java.util.Set;
import org.dataflowatlas.AtlasIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/** GraphiQL is the analyst's manual: every type, field, argument and enum value of schema/*.graphqls is described. */
@AtlasIntegrationTest
class SchemaDocumentationTest {

    private static final Set<String> BUILT_IN = Set.of("String", "Int", "Float", "Boolean", "ID");

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void every_type_field_argument_and_enum_value_has_a_description() {
        var undocumented = new ArrayList<String>();
        for (GraphQLNamedType type : graphQlSource.schema().getAllTypesAsList()) {
            var name = type.getName();
            if (name.startsWith("__") || BUILT_IN.contains(name)) {
                continue;
            }
            if (!name.equals("Query") && !name.equals("Mutation") && blank(type.getDescription())) {
                undocumented.add(name);
            }
            if (type instanceof GraphQLFieldsContainer container) {
                for (var field : container.getFieldDefinitions()) {
                    if (blank(field.getDescription())) {
                        undocumented.add(name + "." + field.getName());
                    }
                    for (var argument : field.getArguments()) {
                        if (blank(argument.getDescription())) {
                            undocumented.add(name + "." + field.getName() + "(" + argument.getName() + ")");
                        }
                    }
                }
            } else if (type instanceof GraphQLInputObjectType input) {
                input.getFieldDefinitions().stream()
                        .filter(field -> blank(field.getDescription()))
                        .forEach(field -> undocumented.add(name + "." + field.getName()));
            } else if (type instanceof GraphQLEnumType enumType) {
                enumType.getValues().stream()
                        .filter(value -> blank(value.getDescription()))
                        .forEach(value -> undocumented.add(name + "." + value.getName()));
            } else if (!(type instanceof GraphQLScalarType) && !(type instanceof GraphQLUnionType)) {
                undocumented.add(name + " (unexpected kind of type)");
            }
        }
        assertThat(undocumented).as("schema elements without a description").isEmpty();
        assertThat(graphQlSource.schema().getAllTypesAsList()).hasSizeGreaterThan(40);
    }

    private static boolean blank(String description) {
        return description == null || description.isBlank();
    }
}
