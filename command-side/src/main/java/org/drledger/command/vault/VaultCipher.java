package org.drledger.command.vault;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.drledger.core.crypto.CryptoSuite;

/**
 * The authenticated ciphers that encrypt vault openings at rest, each with its own subkey derived from the vault
 * master key by HKDF (RFC 5869, no salt) under an info string that names the algorithm. The ledger's suite picks
 * the cipher for new openings ({@code sm2-sm3} → SM4-GCM: SM4 of GB/T 32907 in GCM as in RFC 8998;
 * {@code ed25519-sha256} → AES-256-GCM); stored rows name theirs, so either can be read back. GCM with a 96-bit
 * nonce and a 128-bit tag; the output is ciphertext || tag. Bouncy Castle's lightweight API, stateless.
 */
public enum VaultCipher {
    /** SM4 (128-bit key) in GCM; subkey = HKDF-SM3(master, info "drl-vault/1 SM4-GCM"), 16 bytes. */
    SM4_GCM("SM4-GCM", 16) {
        @Override
        BlockCipher engine() {
            return new SM4Engine();
        }

        @Override
        Digest kdfDigest() {
            return new SM3Digest();
        }
    },
    /** AES-256 in GCM; subkey = HKDF-SHA-256(master, info "drl-vault/1 AES-256-GCM"), 32 bytes. */
    AES_256_GCM("AES-256-GCM", 32) {
        @Override
        BlockCipher engine() {
            return AESEngine.newInstance();
        }

        @Override
        Digest kdfDigest() {
            return new SHA256Digest();
        }
    };

    public static final int NONCE_LENGTH = 12;
    public static final int TAG_BITS = 128;
    public static final int MASTER_KEY_LENGTH = 32;

    private final String algorithm;
    private final int keyLength;

    VaultCipher(String algorithm, int keyLength) {
        this.algorithm = algorithm;
        this.keyLength = keyLength;
    }

    abstract BlockCipher engine();

    abstract Digest kdfDigest();

    /** The name stored in {@code vault_opening.algorithm}. */
    public String algorithm() {
        return algorithm;
    }

    public int keyLength() {
        return keyLength;
    }

    /** The HKDF info string: {@code "drl-vault/1 " + algorithm}, ASCII. */
    public byte[] hkdfInfo() {
        return ("drl-vault/1 " + algorithm).getBytes(StandardCharsets.US_ASCII);
    }

    public static VaultCipher forSuite(CryptoSuite suite) {
        return switch (suite.id()) {
            case "sm2-sm3" -> SM4_GCM;
            case "ed25519-sha256" -> AES_256_GCM;
            default -> throw new IllegalArgumentException("no vault cipher for suite " + suite.id());
        };
    }

    public static VaultCipher byAlgorithm(String algorithm) {
        for (VaultCipher c : values()) {
            if (c.algorithm.equals(algorithm)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown vault algorithm " + algorithm);
    }

    /**
     * This cipher's subkey. HKDF output is a prefix code, so the 16-byte SM4 key is the first 16 bytes of the
     * 32-byte output under the same info.
     */
    public byte[] subkey(byte[] masterKey) {
        if (masterKey == null || masterKey.length != MASTER_KEY_LENGTH) {
            throw new IllegalArgumentException("the vault master key is " + MASTER_KEY_LENGTH + " bytes");
        }
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(kdfDigest());
        hkdf.init(new HKDFParameters(masterKey, null, hkdfInfo()));
        byte[] out = new byte[keyLength];
        hkdf.generateBytes(out, 0, out.length);
        return out;
    }

    /** Encrypts under the subkey; returns ciphertext || 16-byte tag. */
    public byte[] encrypt(byte[] subkey, byte[] nonce, byte[] associatedData, byte[] plaintext) {
        GCMModeCipher gcm = init(true, subkey, nonce, associatedData);
        byte[] out = new byte[gcm.getOutputSize(plaintext.length)];
        int n = gcm.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("GCM encryption cannot fail authentication", e);
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * Decrypts and authenticates; a wrong key, nonce or associated data, or any altered byte, raises
     * {@link InvalidCipherTextException} and releases no plaintext.
     */
    public byte[] decrypt(byte[] subkey, byte[] nonce, byte[] associatedData, byte[] ciphertextAndTag)
            throws InvalidCipherTextException {
        if (ciphertextAndTag.length < TAG_BITS / 8) {
            throw new InvalidCipherTextException("ciphertext shorter than the tag");
        }
        GCMModeCipher gcm = init(false, subkey, nonce, associatedData);
        byte[] out = new byte[gcm.getOutputSize(ciphertextAndTag.length)];
        int n = gcm.processBytes(ciphertextAndTag, 0, ciphertextAndTag.length, out, 0);
        n += gcm.doFinal(out, n);
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private GCMModeCipher init(boolean encrypt, byte[] subkey, byte[] nonce, byte[] associatedData) {
        if (subkey.length != keyLength) {
            throw new IllegalArgumentException(algorithm + " takes a " + keyLength + "-byte key");
        }
        if (nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("the nonce is " + NONCE_LENGTH + " bytes");
        }
        GCMModeCipher gcm = GCMBlockCipher.newInstance(engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(subkey), TAG_BITS, nonce, associatedData));
        return gcm;
    }
}
