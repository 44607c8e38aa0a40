package org.drledger.core.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SM3Digest;

/** The two hash functions a ledger can use. Both have 32-byte outputs. */
public enum HashAlgorithm {
    /** FIPS 180-4 SHA-256, through the JDK (which uses CPU intrinsics where available). */
    SHA_256("sha-256"),
    /** GB/T 32905-2016 SM3, through Bouncy Castle. */
    SM3("sm3");

    public static final int DIGEST_LENGTH = 32;

    private final String id;

    HashAlgorithm(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public Hasher newHasher() {
        return this == SHA_256 ? new JdkHasher() : new BcHasher(new SM3Digest());
    }

    public byte[] digest(byte[]... parts) {
        Hasher h = newHasher();
        for (byte[] p : parts) {
            h.update(p);
        }
        return h.digest();
    }

    /** An incremental hash; not thread-safe; {@link #digest()} resets it for reuse. */
    public interface Hasher {
        Hasher update(byte b);

        Hasher update(byte[] b);

        Hasher update(byte[] b, int off, int len);

        byte[] digest();
    }

    private static final class JdkHasher implements Hasher {
        private final MessageDigest md;

        JdkHasher() {
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }

        @Override
        public Hasher update(byte b) {
            md.update(b);
            return this;
        }

        @Override
        public Hasher update(byte[] b) {
            md.update(b);
            return this;
        }

        @Override
        public Hasher update(byte[] b, int off, int len) {
            md.update(b, off, len);
            return this;
        }

        @Override
        public byte[] digest() {
            return md.digest();
        }
    }

    private static final class BcHasher implements Hasher {
        private final Digest d;

        BcHasher(Digest d) {
            this.d = d;
        }

        @Override
        public Hasher update(byte b) {
            d.update(b);
            return this;
        }

        @Override
        public Hasher update(byte[] b) {
            d.update(b, 0, b.length);
            return this;
        }

        @Override
        public Hasher update(byte[] b, int off, int len) {
            d.update(b, off, len);
            return this;
        }

        @Override
        public byte[] digest() {
            byte[] out = new byte[d.getDigestSize()];
            d.doFinal(out, 0);
            return out;
        }
    }
}
