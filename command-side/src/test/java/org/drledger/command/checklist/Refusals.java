package org.drledger.command.checklist;

import org.drledger.command.support.CommandRefusedException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a refusal by field, rule and kind (409 conflict or 422), for fixture tests. */
public final class Refusals {
    private Refusals() {
    }

    public static Matcher<Throwable> refused(String field, String rule, boolean conflict) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof CommandRefusedException c && c.field().equals(field) && c.rule().equals(rule)
                        && c.isConflict() == conflict;
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("refused naming field " + field + " and rule " + rule + (conflict ? " (conflict)" : ""));
            }

            @Override
            protected void describeMismatchSafely(Throwable t, Description d) {
                d.appendText(t instanceof CommandRefusedException c ? "field " + c.field() + ", rule " + c.rule()
                        + ", conflict " + c.isConflict() + ": " + c.getMessage() : String.valueOf(t));
            }
        };
    }

    /** Matches a refusal whose message contains {@code text}. */
    public static Matcher<Throwable> refusedSaying(String field, String rule, String text) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof CommandRefusedException c && c.field().equals(field) && c.rule().equals(rule)
                        && c.getMessage().contains(text);
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("refused naming field " + field + " and rule " + rule + " saying '" + text + "'");
            }

            @Override
            protected void describeMismatchSafely(Throwable t, Description d) {
                d.appendText(t instanceof CommandRefusedException c ? "field " + c.field() + ", rule " + c.rule()
                        + ": " + c.getMessage() : String.valueOf(t));
            }
        };
    }
}
