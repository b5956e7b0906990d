package org.dataflowatlas.flow;

/** How well a flow is established, strongest first. */
public enum Confidence {
    CONFIRMED,
    REPORTED,
    ALLEGED,
    DISPUTED
}
