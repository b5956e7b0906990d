package org.dataflowatlas.security;

/** The rule on every mutation (and the audit log): only editor keys pass. */
public final class Editors {

    public static final String ONLY = "hasRole('EDITOR')";

    private Editors() {}
}
