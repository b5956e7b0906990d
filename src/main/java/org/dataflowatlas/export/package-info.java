@NullMarked
package org.dataflowatlas.export;

import org.jspecify.annotations.NullMarked;
