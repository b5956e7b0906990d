@NullMarked
package org.dataflowatlas.timeline;

import org.jspecify.annotations.NullMarked;
