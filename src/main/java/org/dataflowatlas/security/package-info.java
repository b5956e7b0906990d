/**
 * Access control: callers present API keys as {@code Authorization: Bearer <key>}; a key is a
 * reader or an editor. Only SHA-256 hashes of keys are configured; the embedded default generates
 * an editor key into its data directory on first start. Mutations need an editor key (method
 * security on the controllers); reads are open unless {@code dataflow.security.reads=key}.
 */
@NullMarked
package org.dataflowatlas.security;

import org.jspecify.annotations.NullMarked;
