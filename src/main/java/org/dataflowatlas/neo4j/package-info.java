@NullMarked
package org.dataflowatlas.neo4j;

import org.jspecify.annotations.NullMarked;
