package org.drledger.server.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers, for a short time, that a password matched its stored bcrypt hash. HTTP Basic is stateless, so every
 * request would otherwise pay a full bcrypt check (~70 ms at cost 10), which caps an API client at ~15 requests/s
 * per core.
 *
 * <p>Only successes are remembered, so a guess always pays bcrypt. The key is an HMAC, under a random key that lives
 * only in this process, of the stored hash and the password: nothing reversible is kept, and a changed password
 * (a new hash) misses at once. Whether the account is enabled is still read on every request.
 */
final class VerifiedPasswordCache implements PasswordEncoder {
    private final PasswordEncoder delegate;
    private final Clock clock;
    private final Duration ttl;
    private final int capacity;
    private final SecretKeySpec macKey;
    private final Map<String, Instant> verified;

    VerifiedPasswordCache(PasswordEncoder delegate, Clock clock, Duration ttl, int capacity, SecureRandom random) {
        if (ttl.isNegative() || capacity < 0) {
            throw new IllegalArgumentException("ttl and capacity must not be negative");
        }
        this.delegate = delegate;
        this.clock = clock;
        this.ttl = ttl;
        this.capacity = capacity;
        byte[] key = new byte[32];
        random.nextBytes(key);
        this.macKey = new SecretKeySpec(key, "HmacSHA256");
        this.verified = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > VerifiedPasswordCache.this.capacity;
            }
        };
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || ttl.isZero() || capacity == 0) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String key = key(rawPassword, encodedPassword);
        Instant now = clock.instant();
        synchronized (verified) {
            Instant expires = verified.get(key);
            if (expires != null) {
                if (now.isBefore(expires)) {
                    return true;
                }
                verified.remove(key);
            }
        }
        boolean ok = delegate.matches(rawPassword, encodedPassword);
        if (ok) {
            synchronized (verified) {
                verified.put(key, now.plus(ttl));
            }
        }
        return ok;
    }

    int size() {
        synchronized (verified) {
            return verified.size();
        }
    }

    private String key(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            byte[] encoded = encodedPassword.getBytes(StandardCharsets.UTF_8);
            mac.update(length(encoded.length));
            mac.update(encoded);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Length prefix, so (hash, password) pairs cannot collide by shifting bytes between the two. */
    private static byte[] length(int n) {
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }
}
