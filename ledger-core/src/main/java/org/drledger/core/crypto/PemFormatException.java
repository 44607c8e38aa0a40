package org.drledger.core.crypto;

import org.drledger.core.FormatException;

/**
 * A PEM or DER key that cannot be used. {@link #rule()}: {@code not-pem}, {@code wrong-pem-type},
 * {@code bad-der}, {@code wrong-algorithm}, {@code wrong-curve}, {@code bad-key}.
 */
public final class PemFormatException extends FormatException {
    public PemFormatException(String rule, String message) {
        super(rule, "", message);
    }

    public PemFormatException(String rule, String message, Throwable cause) {
        super(rule, "", message, cause);
    }
}
