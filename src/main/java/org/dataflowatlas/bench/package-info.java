/**
 * The benchmark ({@code dataflow-atlas bench}): the GraphQL stack against the same Cypher run
 * raw through the driver, statements per request, and the import path against raw batched
 * UNWIND, all in one run on a fresh embedded database; see docs/benchmarks.md.
 */
@NullMarked
package org.dataflowatlas.bench;

import org.jspecify.annotations.NullMarked;
