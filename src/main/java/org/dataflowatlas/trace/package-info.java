@NullMarked
package org.dataflowatlas.trace;

import org.jspecify.annotations.NullMarked;
