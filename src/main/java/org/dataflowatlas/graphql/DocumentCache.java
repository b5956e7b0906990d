package org.dataflowatlas.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the parsed and validated form of recent GraphQL documents, so a client that sends the same
 * query again (with other variables) skips parsing and validation. Which operation runs, the
 * variables and the limits of {@link QueryLimits} are decided on every request. Documents that
 * failed to parse or validate are not kept: their messages are in the caller's language
 * (Accept-Language), and a broken document is not worth a place.
 */
@Configuration(proxyBeanMethods = false)
class DocumentCache implements PreparsedDocumentProvider {

    /** Distinct documents kept; a client library typically sends a few dozen. */
    static final int SIZE = 1_000;

    /** Longer documents are not worth keeping (and a hostile caller could fill the cache with them). */
    static final int MAX_LENGTH = 20_000;

    private final Cache<String, PreparsedDocumentEntry> documents =
            Caffeine.newBuilder().maximumSize(SIZE).build();

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        var query = input.getQuery();
        if (query.length() > MAX_LENGTH) {
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        var cached = documents.getIfPresent(query);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        var entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            documents.put(query, entry);
        }
        return CompletableFuture.completedFuture(entry);
    }

    long size() {
        documents.cleanUp();
        return documents.estimatedSize();
    }

    @Bean
    GraphQlSourceBuilderCustomizer documentCacheCustomizer() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
    }
}
