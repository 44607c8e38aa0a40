package org.drledger.command.registry;

import org.drledger.command.support.CommandRefusedException;

/**
 * One broken rule: the field and a stable rule id, with a message for people. Messages never repeat a confidential
 * value (risk class, ID-card number, phone).
 */
public record Violation(String field, String rule, String message) {
    CommandRefusedException refusal() {
        return new CommandRefusedException(field, rule, message);
    }
}
