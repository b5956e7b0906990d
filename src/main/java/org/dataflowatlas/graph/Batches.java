package org.dataflowatlas.graph;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Helpers for @BatchMapping methods: collect the keys of a batch, then hand each parent its value. */
public final class Batches {

    private Batches() {}

    public static <P> List<String> ids(List<P> parents, Function<P, String> key) {
        return parents.stream().map(key).distinct().toList();
    }

    /** Spreads values found per key over the parents asking for them; a parent without a value gets the fallback. */
    public static <P, V> Map<P, V> byParent(
            List<P> parents, Function<P, String> key, Map<String, V> found, @Nullable V fallback) {
        return parents.stream()
                .distinct()
                .filter(parent -> fallback != null || found.containsKey(key.apply(parent)))
                .collect(Collectors.toMap(
                        Function.identity(), parent -> found.getOrDefault(key.apply(parent), fallback)));
    }
}
