package org.dataflowatlas;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A class that talks to the {@link OwnDatabase} lane's server, where reads need a key and
 * subscriptions have small limits ({@code OwnDatabase.port()}, {@code OwnDatabase.bean(...)}); its
 * graph is the seed alone when the class starts. It runs beside the shared-context classes, one
 * class at a time with the other lock holders.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(OwnDatabase.LOCK)
@ExtendWith(OwnDatabase.Seeded.class)
public @interface ReadsNeedKeyIntegrationTest {}
