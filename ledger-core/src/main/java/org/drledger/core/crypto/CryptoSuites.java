package org.drledger.core.crypto;

import java.util.List;

/** The two crypto suites a ledger can be created with (see docs/decisions/0001-crypto-suites.md). */
public final class CryptoSuites {
    /**
     * The SM2 user id (distinguishing identifier) every {@code sm2-sm3} signature is made and checked with: the GM/T
     * 0009 default, ASCII {@code 1234567812345678}. OpenSSL's {@code pkeyutl} uses an EMPTY id unless given
     * {@code -pkeyopt distid:1234567812345678}, and its signatures then do not verify here.
     */
    public static final String SM2_USER_ID = "1234567812345678";

    /** GB/T 32918 SM2 signatures (SM3 digest, user id {@link #SM2_USER_ID}), GB/T 32905 SM3 hash. */
    public static final CryptoSuite SM2_SM3 = Sm2Suite.INSTANCE;

    /** RFC 8032 pure Ed25519 signatures, FIPS 180-4 SHA-256 hash. */
    public static final CryptoSuite ED25519_SHA256 = Ed25519Suite.INSTANCE;

    /** The suite a new ledger gets unless its genesis configuration names another. */
    public static final CryptoSuite DEFAULT = SM2_SM3;

    private static final List<CryptoSuite> ALL = List.of(SM2_SM3, ED25519_SHA256);

    private CryptoSuites() {
    }

    /**
     * @throws UnknownSuiteException for anything but {@code sm2-sm3} and {@code ed25519-sha256} (exact, case-sensitive)
     */
    public static CryptoSuite byId(String id) {
        for (CryptoSuite s : ALL) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new UnknownSuiteException(id);
    }

    /** Both suites, {@code sm2-sm3} first. */
    public static List<CryptoSuite> all() {
        return ALL;
    }
}
