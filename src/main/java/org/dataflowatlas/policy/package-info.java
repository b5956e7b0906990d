@NullMarked
package org.dataflowatlas.policy;

import org.jspecify.annotations.NullMarked;
