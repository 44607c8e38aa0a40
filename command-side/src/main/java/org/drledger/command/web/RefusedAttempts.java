package org.drledger.command.web;

/** Where refused attempts (access denied, failed logins) are recorded; never as ledger entries. */
public interface RefusedAttempts {
    void refused(String username, String kind, String detail, String remoteAddress);
}
