package org.drledger.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.drledger.server.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordCacheTest {
    private final CountingEncoder bcrypt = new CountingEncoder();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:00:00Z"));
    private final VerifiedPasswordCache cache =
            new VerifiedPasswordCache(bcrypt, clock, Duration.ofMinutes(5), 3, new SecureRandom(new byte[] {1}));

    @Test
    void aRepeatedCorrectPasswordIsCheckedByBcryptOnce() {
        assertThat(cache.matches("right-password", "hash:right-password")).isTrue();
        assertThat(cache.matches("right-password", "hash:right-password")).isTrue();
        assertThat(bcrypt.checks).isEqualTo(1);
    }

    @Test
    void wrongPasswordsAreNeverRememberedSoEveryGuessPaysBcrypt() {
        assertThat(cache.matches("guess", "hash:right-password")).isFalse();
        assertThat(cache.matches("guess", "hash:right-password")).isFalse();
        assertThat(bcrypt.checks).isEqualTo(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aChangedPasswordHashMissesAtOnce() {
        assertThat(cache.matches("old-password", "hash:old-password")).isTrue();
        assertThat(cache.matches("old-password", "hash:new-password")).isFalse();
        assertThat(bcrypt.checks).isEqualTo(2);
    }

    @Test
    void aRememberedMatchExpiresAfterItsTimeToLive() {
        assertThat(cache.matches("right-password", "hash:right-password")).isTrue();
        clock.set(clock.instant().plus(Duration.ofMinutes(5).minusSeconds(1)));
        assertThat(cache.matches("right-password", "hash:right-password")).isTrue();
        assertThat(bcrypt.checks).isEqualTo(1);
        clock.set(clock.instant().plusSeconds(1));
        assertThat(cache.matches("right-password", "hash:right-password")).isTrue();
        assertThat(bcrypt.checks).isEqualTo(2);
    }

    @Test
    void theLeastRecentlyUsedMatchIsForgottenBeyondCapacity() {
        for (String pw : new String[] {"a", "b", "c", "d"}) {
            assertThat(cache.matches(pw, "hash:" + pw)).isTrue();
        }
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.matches("a", "hash:a")).isTrue();
        assertThat(bcrypt.checks).isEqualTo(5);
    }

    @Test
    void aZeroTimeToLiveDisablesTheCache() {
        VerifiedPasswordCache off = new VerifiedPasswordCache(bcrypt, clock, Duration.ZERO, 3, new SecureRandom());
        off.matches("pw", "hash:pw");
        off.matches("pw", "hash:pw");
        assertThat(bcrypt.checks).isEqualTo(2);
    }

    @Test
    void hashAndPasswordCannotBeShiftedIntoEachOther() {
        assertThat(cache.matches("x", "hash:x")).isTrue();
        // same concatenation "hash:x" + "x" as "hash:" + "xx", different pair
        assertThat(cache.matches("xx", "hash:")).isFalse();
    }

    /** Stands in for bcrypt: the stored "hash" of p is "hash:" + p. */
    private static final class CountingEncoder implements PasswordEncoder {
        int checks;

        @Override
        public String encode(CharSequence raw) {
            return "hash:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks++;
            return encoded.equals("hash:" + raw);
        }
    }
}
