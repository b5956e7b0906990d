/**
 * FollowTheMoney (FtM), the entity model OCCRP Aleph and OpenSanctions speak: the schemata the
 * product reads and writes, the ids it gives its own entities, and the import of FtM entity files.
 */
@NullMarked
package org.dataflowatlas.ftm;

import org.jspecify.annotations.NullMarked;
