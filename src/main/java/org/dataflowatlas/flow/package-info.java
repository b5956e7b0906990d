@NullMarked
package org.dataflowatlas.flow;

import org.jspecify.annotations.NullMarked;
