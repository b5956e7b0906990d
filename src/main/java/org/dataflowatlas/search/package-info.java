@NullMarked
package org.dataflowatlas.search;

import org.jspecify.annotations.NullMarked;
