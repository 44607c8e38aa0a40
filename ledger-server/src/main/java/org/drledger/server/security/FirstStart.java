package org.drledger.server.security;

import org.springframework.stereotype.Component;

/** The public face of first-start account creation for the startup report. */
@Component
public class FirstStart {
    private final InitialAdministrator administrator;

    FirstStart(InitialAdministrator administrator) {
        this.administrator = administrator;
    }

    /** The one-time password of the newly created administrator, or null when users exist. */
    public String createAdministratorIfNoUsers() {
        return administrator.createIfNoUsers();
    }
}
