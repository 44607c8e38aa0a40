package org.drledger.core.crypto;

import java.util.Arrays;
import org.drledger.core.bytes.Hex;

/** What both suites' public keys share: identity by suite and SPKI, the key id and the PEM form. */
abstract class BaseVerifyingKey implements VerifyingKey {
    private final CryptoSuite suite;
    private final byte[] spki;
    private final String keyId;

    BaseVerifyingKey(CryptoSuite suite, byte[] spki) {
        this.suite = suite;
        this.spki = spki;
        this.keyId = Hex.encode(suite.hash().digest(spki));
    }

    @Override
    public final CryptoSuite suite() {
        return suite;
    }

    @Override
    public final byte[] spki() {
        return spki.clone();
    }

    @Override
    public final String keyId() {
        return keyId;
    }

    @Override
    public final String toPem() {
        return Pem.encode(Pem.PUBLIC_KEY, spki);
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof BaseVerifyingKey k && k.suite == suite && Arrays.equals(k.spki, spki);
    }

    @Override
    public final int hashCode() {
        return 31 * suite.id().hashCode() + Arrays.hashCode(spki);
    }

    @Override
    public String toString() {
        return "VerifyingKey[" + suite.id() + ", keyId=" + keyId + "]";
    }
}
