package org.drledger.command.registry;

import org.drledger.command.support.CommandRefusedException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a {@link CommandRefusedException} naming the field and the rule. */
final class Refused {
    private Refused() {
    }

    static Matcher<Object> refused(String field, String rule) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof CommandRefusedException e && e.field().equals(field) && e.rule().equals(rule);
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("a refusal of " + field + " by rule " + rule);
            }

            @Override
            protected void describeMismatchSafely(Object item, Description d) {
                d.appendText(item instanceof CommandRefusedException e ? "refused " + e.field() + " by " + e.rule()
                        + " (" + e.getMessage() + ")" : String.valueOf(item));
            }
        };
    }
}
