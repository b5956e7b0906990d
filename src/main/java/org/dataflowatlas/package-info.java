@NullMarked
package org.dataflowatlas;

import org.jspecify.annotations.NullMarked;
