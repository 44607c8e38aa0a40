package org.drledger.command.ui;

/**
 * A refused form submission as the page shows it: the field and the rule (the same pair the REST API's
 * problem+json carries), the server's detail text, and the HTTP status the re-rendered form answers with.
 */
public record Refusal(String field, String rule, String detail, int status) {
}
