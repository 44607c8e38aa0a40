package org.drledger.core.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * {@code ed25519-sha256}: pure Ed25519 (RFC 8032) through Bouncy Castle's low-level {@link Ed25519}, which is an
 * order of magnitude faster than the JDK provider; SPKI and PKCS#8 per RFC 8410 (OID 1.3.101.112, no parameters).
 */
final class Ed25519Suite implements CryptoSuite {
    static final Ed25519Suite INSTANCE = new Ed25519Suite();

    static final int KEY_SIZE = Ed25519.PUBLIC_KEY_SIZE;
    static final int SIGNATURE_SIZE = Ed25519.SIGNATURE_SIZE;

    private Ed25519Suite() {
    }

    @Override
    public String id() {
        return "ed25519-sha256";
    }

    @Override
    public HashAlgorithm hash() {
        return HashAlgorithm.SHA_256;
    }

    @Override
    public SigningKey generateKey(SecureRandom random) {
        byte[] seed = new byte[Ed25519.SECRET_KEY_SIZE];
        random.nextBytes(seed);
        return fromSeed(seed);
    }

    /** The RFC 8032 32-byte private key (seed). */
    static SigningKey fromSeed(byte[] seed) {
        if (seed.length != Ed25519.SECRET_KEY_SIZE) {
            throw new PemFormatException("bad-key", "an Ed25519 private key has 32 bytes, not " + seed.length);
        }
        byte[] pk = new byte[KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, pk, 0);
        return new Signing(seed.clone(), INSTANCE.publicKeyFromRaw(pk));
    }

    @Override
    public SigningKey readPrivateKeyPem(String pem) {
        KeyDer.Pkcs8 p8 = KeyDer.parsePkcs8(Pem.decode(pem, Pem.PRIVATE_KEY));
        checkAlgorithm(p8.algorithm());
        byte[] seed = KeyDer.parseOctetString(p8.privateKey(), "Ed25519 CurvePrivateKey");
        SigningKey key = fromSeed(seed);
        if (p8.publicKey() != null && !MessageDigest.isEqual(p8.publicKey(), key.verifyingKey().rawPublicKey())) {
            throw new PemFormatException("bad-key", "the public key in the PKCS#8 does not belong to its private key");
        }
        return key;
    }

    @Override
    public VerifyingKey readPublicKeyPem(String pem) {
        return publicKeyFromSpki(Pem.decode(pem, Pem.PUBLIC_KEY));
    }

    @Override
    public VerifyingKey publicKeyFromSpki(byte[] spkiDer) {
        KeyDer.Spki spki = KeyDer.parseSpki(spkiDer);
        checkAlgorithm(spki.algorithm());
        return publicKeyFromRaw(spki.key());
    }

    @Override
    public VerifyingKey publicKeyFromRaw(byte[] raw) {
        if (raw.length != KEY_SIZE) {
            throw new PemFormatException("bad-key", "an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        // Full validation also rejects points outside the prime-order subgroup (e.g. small-order points, for which
        // signatures can be forged for any message); no honestly generated key is among them.
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(raw, 0);
        if (point == null) {
            throw new PemFormatException("bad-key",
                    "not a valid Ed25519 public key (not a canonical encoding of a point of the prime-order subgroup)");
        }
        return new Verifying(raw.clone(), point);
    }

    private static void checkAlgorithm(KeyDer.Algorithm alg) {
        if (!alg.oid().equals(KeyDer.ID_ED25519)) {
            String what = KeyDer.describe(alg.oid());
            if (alg.oid().equals(KeyDer.ID_EC_PUBLIC_KEY) && alg.parameters() instanceof ASN1ObjectIdentifier curve) {
                what += " on " + KeyDer.describe(curve);
            }
            throw new PemFormatException("wrong-algorithm",
                    "the key is " + what + ", not Ed25519 (suite ed25519-sha256)");
        }
        if (alg.parameters() != null) {
            throw new PemFormatException("bad-der", "Ed25519 AlgorithmIdentifier must not have parameters (RFC 8410)");
        }
    }

    @Override
    public String toString() {
        return id();
    }

    private static final class Verifying extends BaseVerifyingKey {
        private final byte[] raw;
        private final Ed25519.PublicPoint point;

        Verifying(byte[] raw, Ed25519.PublicPoint point) {
            super(INSTANCE, KeyDer.encodeSpki(KeyDer.ID_ED25519, null, raw));
            this.raw = raw;
            this.point = point;
        }

        @Override
        public byte[] rawPublicKey() {
            return raw.clone();
        }

        @Override
        public boolean verify(byte[] message, byte[] signature) {
            Objects.requireNonNull(message, "message");
            if (signature == null || signature.length != SIGNATURE_SIZE) {
                return false;
            }
            try {
                // Rejects S >= L and non-canonical R (RFC 8032 §5.1.7).
                return Ed25519.verify(signature, 0, point, message, 0, message.length);
            } catch (RuntimeException e) {
                return false;
            }
        }
    }

    private static final class Signing implements SigningKey {
        private final byte[] seed;
        private final VerifyingKey publicKey;
        private final byte[] pk;

        Signing(byte[] seed, VerifyingKey publicKey) {
            this.seed = seed;
            this.publicKey = publicKey;
            this.pk = publicKey.rawPublicKey();
        }

        @Override
        public CryptoSuite suite() {
            return INSTANCE;
        }

        @Override
        public VerifyingKey verifyingKey() {
            return publicKey;
        }

        @Override
        public byte[] sign(byte[] message) {
            byte[] sig = new byte[SIGNATURE_SIZE];
            // Passing the public key saves the scalar multiplication that would re-derive it.
            Ed25519.sign(seed, 0, pk, 0, message, 0, message.length, sig, 0);
            return sig;
        }

        @Override
        public String toPkcs8Pem() {
            return Pem.encode(Pem.PRIVATE_KEY,
                    KeyDer.encodePkcs8(KeyDer.ID_ED25519, null, KeyDer.encodeOctetString(seed)));
        }

        @Override
        public String toString() {
            return "SigningKey[" + INSTANCE.id() + ", keyId=" + publicKey.keyId() + "]";
        }
    }
}
