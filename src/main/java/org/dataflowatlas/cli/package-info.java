@NullMarked
package org.dataflowatlas.cli;

import org.jspecify.annotations.NullMarked;
