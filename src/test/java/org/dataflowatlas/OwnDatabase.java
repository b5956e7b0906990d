package org.dataflowatlas;

/**
 * The resource lock of test classes that start databases of their own: carried with
 * {@code @Execution(CONCURRENT)}, such a class runs beside the classes that share the seeded context,
 * its methods in order, and never beside another class holding this lock.
 */
public final class OwnDatabase {

    public static final String LOCK = "dataflow-atlas.own-database";

    private OwnDatabase() {}
}
