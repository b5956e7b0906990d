@NullMarked
package org.dataflowatlas.evidence;

import org.jspecify.annotations.NullMarked;
