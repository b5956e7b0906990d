package org.dataflowatlas.evidence;

import java.util.List;

/** Why a fact was withdrawn, and the evidence for withdrawing it. */
public record Retraction(String reason, List<Evidence> evidence) {}
