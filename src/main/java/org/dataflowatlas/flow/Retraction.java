package org.dataflowatlas.flow;

import java.util.List;
import org.dataflowatlas.evidence.Evidence;

/** Why a flow was withdrawn, and the evidence for withdrawing it. */
public record Retraction(String reason, List<Evidence> evidence) {}
