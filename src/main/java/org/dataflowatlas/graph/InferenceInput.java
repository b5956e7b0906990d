package org.dataflowatlas.graph;

/** A mark sent by a caller: which field of the input is inferred (or {@code fact}), and why. */
public record InferenceInput(String field, String reasoning) {}
