package org.dataflowatlas.evidence;

/** A source (by id) and the passage of it that supports a fact. */
public record EvidenceInput(String source, String quote) {}
