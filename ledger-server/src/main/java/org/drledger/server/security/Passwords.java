package org.drledger.server.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/** Password rules and generated passwords. No password exists anywhere by default. */
final class Passwords {
    static final int MIN_LENGTH = 12;
    /** bcrypt uses at most 72 bytes; longer passwords are refused rather than silently truncated. */
    static final int MAX_UTF8_BYTES = 72;
    static final int GENERATED_LENGTH = 20;
    /** No look-alikes (0/O, 1/l/I): generated passwords are read off a screen and typed. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final SecureRandom random;

    Passwords(SecureRandom random) {
        this.random = random;
    }

    String generate() {
        StringBuilder pw = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            pw.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return pw.toString();
    }

    /** The rule a chosen password breaks, if any. */
    static Optional<String> violation(String username, String password) {
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password-too-short");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            return Optional.of("password-too-long");
        }
        if (password.strip().toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("password-equals-username");
        }
        return Optional.empty();
    }
}
