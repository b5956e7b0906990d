package org.dataflowatlas.organization;

/** A person who owns, works for or speaks for an organization. */
public record Person(String id, String name) {}
