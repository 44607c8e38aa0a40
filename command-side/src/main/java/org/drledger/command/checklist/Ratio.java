package org.drledger.command.checklist;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** An integer fraction {num, den}: the ledger stores no floating point. Kept as given, not reduced. */
public record Ratio(int num, int den) {
    /** A fraction in (0, 1]: 1 ≤ num ≤ den. Not a member of the payload (an is-getter Jackson would pick up). */
    @JsonIgnore
    public boolean isProperPositive() {
        return den >= 1 && num >= 1 && num <= den;
    }

    /** This fraction is at most {@code other} (cross-multiplied, no rounding). */
    public boolean atMost(Ratio other) {
        return (long) num * other.den <= (long) other.num * den;
    }

    @Override
    public String toString() {
        return num + "/" + den;
    }
}
