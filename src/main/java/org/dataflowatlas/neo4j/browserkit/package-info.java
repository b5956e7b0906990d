/**
 * The Neo4j Browser kit, served by the embedded Neo4j's own HTTP server next to {@code /browser/}
 * (a Neo4j unmanaged extension): the style sheet and a guide of the analyst queries, from the same
 * origin as Browser, so its allowlist and post-connect command reach them.
 */
@NullMarked
package org.dataflowatlas.neo4j.browserkit;

import org.jspecify.annotations.NullMarked;
