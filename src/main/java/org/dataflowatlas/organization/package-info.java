@NullMarked
package org.dataflowatlas.organization;

import org.jspecify.annotations.NullMarked;
