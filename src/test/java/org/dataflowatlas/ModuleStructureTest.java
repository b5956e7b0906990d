package org.dataflowatlas;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The packages form layers the build enforces: no cycle between any two, and the infrastructure
 * ({@code graph}, {@code neo4j}, {@code graphql}, {@code script}, {@code security}) uses no
 * capability, so a capability can change without the foundations moving. Also writes the module
 * diagram the README links ({@code docs/modules/}).
 */
// Reads class files only, so it can run beside the classes of the shared context, with those that
// have a database of their own (OwnDatabase.LOCK), whose run ends earlier.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(OwnDatabase.LOCK)
class ModuleStructureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.dataflowatlas");

    private static final String[] INFRASTRUCTURE = {
        "org.dataflowatlas.graph..",
        "org.dataflowatlas.neo4j..",
        "org.dataflowatlas.graphql..",
        "org.dataflowatlas.script..",
        "org.dataflowatlas.security.."
    };

    @Test
    void no_two_packages_depend_on_each_other_even_through_others() {
        slices().matching("org.dataflowatlas.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void infrastructure_uses_no_capability() {
        // Of ours, only other infrastructure and the root package's shared types (errors, dates).
        var allowed = Stream.concat(Stream.of(INFRASTRUCTURE), Stream.of("org.dataflowatlas"))
                .toArray(String[]::new);
        noClasses()
                .that()
                .resideInAnyPackage(INFRASTRUCTURE)
                .should()
                .dependOnClassesThat(resideInAPackage("org.dataflowatlas..").and(resideOutsideOfPackages(allowed)))
                .check(MAIN);
    }

    @Test
    void the_modules_verify_and_their_diagram_is_written_to_docs() throws IOException {
        var modules = ApplicationModules.of(DataflowAtlasApplication.class);
        modules.verify();
        var folder = Path.of("docs/modules");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        // The documenter lists relationships in no fixed order: sorted, the files change only when the modules do.
        try (var files = Files.list(folder)) {
            for (var file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                var lines = Files.readAllLines(file);
                var relationships = lines.stream()
                        .filter(line -> line.startsWith("Rel("))
                        .sorted()
                        .iterator();
                var sorted = lines.stream()
                        .map(line -> line.startsWith("Rel(") ? relationships.next() : line)
                        .toList();
                Files.write(file, sorted);
            }
        }
        assertThat(Files.readAllLines(folder.resolve("components.puml")))
                .anyMatch(line -> line.startsWith("Rel(") && line.contains(".Flow, ") && line.contains(".Evidence,"));
    }
}
