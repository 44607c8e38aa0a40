package org.drledger.core.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Strict RFC 7468 PEM: exactly one block, nothing but whitespace around it, no headers, canonical base64. Lines
 * may end in LF or CRLF and may have any length on input; output uses 64-character lines and LF, as OpenSSL does.
 */
final class Pem {
    static final String PRIVATE_KEY = "PRIVATE KEY";
    static final String PUBLIC_KEY = "PUBLIC KEY";

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    private Pem() {
    }

    static String encode(String label, byte[] der) {
        String b64 = Base64.getEncoder().encodeToString(der);
        StringBuilder sb = new StringBuilder(b64.length() + b64.length() / 64 + 2 * label.length() + 40);
        sb.append(BEGIN).append(label).append(DASHES).append('\n');
        for (int i = 0; i < b64.length(); i += 64) {
            sb.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
        }
        return sb.append(END).append(label).append(DASHES).append('\n').toString();
    }

    /**
     * Returns the DER bytes of the single PEM block, which must carry {@code expectedLabel}.
     *
     * @throws PemFormatException {@code not-pem} for anything that is not one well-formed PEM block,
     *                            {@code wrong-pem-type} for a well-formed block with another label
     */
    static byte[] decode(String pem, String expectedLabel) {
        if (pem == null) {
            throw new PemFormatException("not-pem", "no PEM text (null)");
        }
        String[] lines = pem.strip().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            lines[i] = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
        }
        String label = label(lines[0], BEGIN);
        if (label == null) {
            throw new PemFormatException("not-pem", "does not start with a '-----BEGIN <label>-----' line");
        }
        if (lines.length < 2) {
            throw new PemFormatException("not-pem", "no '-----END " + label + "-----' line");
        }
        String endLabel = label(lines[lines.length - 1], END);
        if (endLabel == null) {
            throw new PemFormatException("not-pem",
                    "does not end with a '-----END " + label + "-----' line (trailing data after the PEM block?)");
        }
        if (!endLabel.equals(label)) {
            throw new PemFormatException("not-pem",
                    "BEGIN label '" + label + "' does not match END label '" + endLabel + "'");
        }
        if (!label.equals(expectedLabel)) {
            throw new PemFormatException("wrong-pem-type", wrongTypeMessage(label, expectedLabel));
        }
        StringBuilder b64 = new StringBuilder(pem.length());
        for (int i = 1; i < lines.length - 1; i++) {
            String line = lines[i];
            if (line.startsWith(DASHES)) {
                throw new PemFormatException("not-pem", "more than one PEM block (line " + (i + 1) + ")");
            }
            if (line.indexOf(':') >= 0) {
                throw new PemFormatException("not-pem",
                        "PEM headers are not allowed (line " + (i + 1) + "); encrypted legacy PEM is not supported");
            }
            b64.append(line);
        }
        return base64(b64.toString());
    }

    private static String label(String line, String prefix) {
        if (!line.startsWith(prefix) || !line.endsWith(DASHES) || line.length() < prefix.length() + DASHES.length()) {
            return null;
        }
        String label = line.substring(prefix.length(), line.length() - DASHES.length());
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c < 0x21 && c != ' ' || c > 0x7e || c == '-') {
                return null;
            }
        }
        return label;
    }

    private static String wrongTypeMessage(String label, String expected) {
        String m = "expected a '" + expected + "' PEM block, got '" + label + "'";
        if (label.equals("ENCRYPTED PRIVATE KEY")) {
            return m + ": encrypted private keys are not supported; decrypt it (openssl pkey -in key.pem -out plain.pem)"
                    + " and protect the file with file-system permissions instead";
        }
        if (label.endsWith(" PRIVATE KEY")) {
            return m + ": a legacy algorithm-specific key; convert it to PKCS#8 (openssl pkey -in key.pem -out pkcs8.pem)";
        }
        if (label.equals(PUBLIC_KEY) && expected.equals(PRIVATE_KEY)) {
            return m + ": this is a public key";
        }
        if (label.equals(PRIVATE_KEY) && expected.equals(PUBLIC_KEY)) {
            return m + ": this is a private key, never hand it out; extract the public key (openssl pkey -pubout)";
        }
        return m;
    }

    /** Canonical base64 only: standard alphabet, padded, zero pad bits, so one DER has exactly one PEM. */
    private static byte[] base64(String s) {
        if (s.isEmpty()) {
            throw new PemFormatException("not-pem", "empty PEM body");
        }
        byte[] out;
        try {
            out = Base64.getDecoder().decode(s.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IllegalArgumentException e) {
            throw new PemFormatException("not-pem", "PEM body is not valid base64: " + e.getMessage(), e);
        }
        if (s.length() % 4 != 0 || !Base64.getEncoder().encodeToString(out).equals(s)) {
            throw new PemFormatException("not-pem", "PEM body is not canonical padded base64");
        }
        return out;
    }
}
