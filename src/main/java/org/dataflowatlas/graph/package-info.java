@NullMarked
package org.dataflowatlas.graph;

import org.jspecify.annotations.NullMarked;
