/**
 * The shipped datasets that are not rows of flows: reported surveillance events (JSON lines with
 * nested actors and sources) and data-broker registries with their lobbying filings. Each is read
 * through a mapping of its own in {@code cypher/import/} (aliases, kind rules, the sources cited),
 * checked whole before anything is written, and resolved against the organizations already in the
 * graph by name and alias.
 */
@NullMarked
package org.dataflowatlas.datasets;

import org.jspecify.annotations.NullMarked;
