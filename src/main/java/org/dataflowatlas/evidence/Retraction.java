package org.dataflowatlas.evidence;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

/** Why a fact was withdrawn, and the evidence for withdrawing it. */
public record Retraction(String reason, List<Evidence> evidence) {
    /** A retraction from its reason and its evidence as {source, quote} maps; null unless retracted. */
    public static @Nullable Retraction of(boolean retracted, Value reason, Value evidence) {
        return retracted ? new Retraction(reason.asString(""), Evidence.listOf(evidence)) : null;
    }
}
