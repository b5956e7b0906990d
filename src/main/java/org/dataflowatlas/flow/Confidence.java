package org.dataflowatlas.flow;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** How well a flow is established, strongest first. */
public enum Confidence {
    CONFIRMED,
    REPORTED,
    ALLEGED,
    DISPUTED;

    /** This level and every stronger one; all levels when {@code minimum} is null. */
    public static List<String> atLeast(@Nullable Confidence minimum) {
        return Arrays.stream(values())
                .filter(level -> minimum == null || level.ordinal() <= minimum.ordinal())
                .map(Enum::name)
                .toList();
    }
}
