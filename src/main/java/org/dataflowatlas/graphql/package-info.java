@NullMarked
package org.dataflowatlas.graphql;

import org.jspecify.annotations.NullMarked;
