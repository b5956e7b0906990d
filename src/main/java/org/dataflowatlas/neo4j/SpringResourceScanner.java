package org.dataflowatlas.neo4j;

import ac.simons.neo4j.migrations.core.ClasspathResourceScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Finds migration scripts with Spring's resolver, which understands the nested jars of an
 * executable Spring Boot jar (the scanner neo4j-migrations ships does not).
 */
final class SpringResourceScanner implements ClasspathResourceScanner {

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    @Override
    public List<URL> scan(List<String> fullPaths) {
        var urls = new ArrayList<URL>();
        for (var path : fullPaths) {
            try {
                for (var resource : resolver.getResources("classpath*:" + path + "/*.cypher")) {
                    urls.add(resource.getURL());
                }
            } catch (IOException ex) {
                throw new UncheckedIOException("Cannot list schema scripts under " + path, ex);
            }
        }
        return urls;
    }
}
