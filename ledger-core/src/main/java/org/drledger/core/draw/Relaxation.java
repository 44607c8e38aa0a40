package org.drledger.core.draw;

/** The relaxation steps {@code drl-draw/1} knows; a plan's ladder lists some of them in the order they are tried. */
public enum Relaxation {
    /** The "avoid same district" rule no longer applies. */
    DROP_AVOID_SAME_DISTRICT,
    /** Officers flagged {@code assist} (neighbouring-region pool) become eligible. */
    USE_ASSIST_POOL
}
