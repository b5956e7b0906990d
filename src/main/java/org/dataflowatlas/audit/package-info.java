/**
 * The audit trail: every mutation and every import batch leaves an {@code AuditEntry} node, written
 * in the same transaction as the change itself (so there is never a change without its entry, nor
 * an entry for a change that was rolled back), saying who (a key's name), when, what and which ids.
 */
@NullMarked
package org.dataflowatlas.audit;

import org.jspecify.annotations.NullMarked;
