@NullMarked
package org.dataflowatlas.script;

import org.jspecify.annotations.NullMarked;
