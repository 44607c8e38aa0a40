package org.drledger.core.entry;

/** Whether a key may sign an entry at a given ledger position, and if not, why. */
public enum KeyStatus {
    VALID,
    /** No such key was ever registered. */
    UNKNOWN,
    /** The key belongs to another department than the entry's actor. */
    WRONG_DEPARTMENT,
    /** The position lies before the key's registration took effect. */
    NOT_YET_VALID,
    /** The key was rotated out at or before this position. */
    ROTATED_OUT,
    /** The key was revoked at or before this position. */
    REVOKED,
    /** The key was marked compromised from this position or earlier. */
    COMPROMISED
}
