package org.dataflowatlas.policy;

/** Whether the platform approved a use its policy otherwise prohibits. */
public enum Approval {
    /** An agreement the platform is party to, covering the path, approves the purpose. */
    APPROVED,
    /** Such an agreement's terms are known and do not approve the purpose. */
    NOT_APPROVED,
    /** No agreement on the path says either way. */
    UNKNOWN
}
