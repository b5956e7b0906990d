@NullMarked
package org.dataflowatlas.importer;

import org.jspecify.annotations.NullMarked;
