package org.drledger.command.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.testing.DeterministicRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Vault ciphers against published vectors (GM/T 0002 SM4 block, RFC 8998 SM4-GCM, the GCM specification's AES-256
 * test case 16) and against vault vectors computed independently with Python {@code cryptography} 48.0.0 (OpenSSL
 * 4.0.0 backend): HKDF subkeys and the encryption of a fixed opening. Then round trips and every kind of tampering.
 */
class VaultCipherTest {
    private static final HexFormat HEX = HexFormat.of();

    /** The fixed inputs of the vault vectors. */
    private static final byte[] MASTER = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] NONCE = HEX.parseHex("000102030405060708090a0b");
    private static final byte[] COMMITMENT = "5d".repeat(32).getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OPENING = ("{\"salt\":\"" + "ab".repeat(32) + "\",\"value\":\"13800138000\"}")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void sm4BlockCipherMatchesTheGmT0002Vector() {
        byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
        SM4Engine sm4 = new SM4Engine();
        sm4.init(true, new KeyParameter(key));
        byte[] out = new byte[16];
        sm4.processBlock(key, 0, out, 0);
        assertThat(HEX.formatHex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    @Test
    void sm4GcmMatchesTheRfc8998Vector() throws Exception {
        byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
        byte[] iv = HEX.parseHex("00001234567800000000abcd");
        byte[] aad = HEX.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        byte[] pt = HEX.parseHex("aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd"
                + "eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa");
        String expected = "17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
                + "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d"
                + "83de3541e4c2b58177e065a9bf7b62ec";
        byte[] ct = VaultCipher.SM4_GCM.encrypt(key, iv, aad, pt);
        assertThat(HEX.formatHex(ct)).isEqualTo(expected);
        assertThat(VaultCipher.SM4_GCM.decrypt(key, iv, aad, ct)).isEqualTo(pt);
    }

    @Test
    void aes256GcmMatchesGcmSpecificationTestCase16() throws Exception {
        byte[] key = HEX.parseHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
        byte[] iv = HEX.parseHex("cafebabefacedbaddecaf888");
        byte[] aad = HEX.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        byte[] pt = HEX.parseHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
        String expected = "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
                + "76fc6ece0f4e1768cddf8853bb2d551b";
        byte[] ct = VaultCipher.AES_256_GCM.encrypt(key, iv, aad, pt);
        assertThat(HEX.formatHex(ct)).isEqualTo(expected);
        assertThat(VaultCipher.AES_256_GCM.decrypt(key, iv, aad, ct)).isEqualTo(pt);
    }

    @Test
    void hkdfSubkeysMatchIndependentlyComputedValues() {
        // Python: HKDF(hashes.SM3(), 16, None, b"drl-vault/1 SM4-GCM").derive(master), and SHA256 / 32 / AES-256-GCM
        assertThat(HEX.formatHex(VaultCipher.SM4_GCM.subkey(MASTER))).isEqualTo("ef0029777c8574a16db1999cd3c68387");
        assertThat(HEX.formatHex(VaultCipher.AES_256_GCM.subkey(MASTER)))
                .isEqualTo("a879bd04f1de603b45561082e511d9e641834a5588a31beb26cdd97242f473e3");
        assertThat(new String(VaultCipher.SM4_GCM.hkdfInfo(), StandardCharsets.US_ASCII)).isEqualTo("drl-vault/1 SM4-GCM");
        assertThat(new String(VaultCipher.AES_256_GCM.hkdfInfo(), StandardCharsets.US_ASCII))
                .isEqualTo("drl-vault/1 AES-256-GCM");
    }

    @Test
    void subkeysDifferPerAlgorithmAndPerMasterKey() {
        byte[] sm4 = VaultCipher.SM4_GCM.subkey(MASTER);
        byte[] aes = VaultCipher.AES_256_GCM.subkey(MASTER);
        assertThat(sm4).hasSize(16).isNotEqualTo(Arrays.copyOf(aes, 16));
        assertThat(aes).hasSize(32).isNotEqualTo(MASTER);
        byte[] other = MASTER.clone();
        other[31] ^= 1;
        assertThat(VaultCipher.SM4_GCM.subkey(other)).isNotEqualTo(sm4);
        assertThat(VaultCipher.AES_256_GCM.subkey(other)).isNotEqualTo(aes);
        assertThatThrownBy(() -> VaultCipher.SM4_GCM.subkey(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sm4GcmVaultVectorMatchesPythonCryptography() throws Exception {
        String expected = "56c734cecee023134afeb2fca565d96a499379708cab7118fbd01878b6981d164b91dc5edcf9ebbcbc4ad9cd"
                + "2f67c9b55f566e14a1c719c0cd95e7501d5fb33bf1e3ea4333256180941ef0c83899dba87659d940a0a254889cdde5"
                + "92b612b69c33b376b0df574098f4644a177d0cf2d94b";
        byte[] key = VaultCipher.SM4_GCM.subkey(MASTER);
        assertThat(HEX.formatHex(VaultCipher.SM4_GCM.encrypt(key, NONCE, COMMITMENT, OPENING))).isEqualTo(expected);
        assertThat(VaultCipher.SM4_GCM.decrypt(key, NONCE, COMMITMENT, HEX.parseHex(expected))).isEqualTo(OPENING);
    }

    @Test
    void aes256GcmVaultVectorMatchesPythonCryptography() throws Exception {
        String expected = "88f67c21024a03864a5c562b9f1862db1337275b4dd692584dccdb79752c07a319158185afa64dbe0a428b68"
                + "b1bcca5783252cd1f66b0cd62fc91acffce4794a44d1181e7af6b874069f0e11137275fd3e65c22095f87368d0c1e5"
                + "6632aac46e9c76eeafc1bdc447c7208cdc8596bbcef1";
        byte[] key = VaultCipher.AES_256_GCM.subkey(MASTER);
        assertThat(HEX.formatHex(VaultCipher.AES_256_GCM.encrypt(key, NONCE, COMMITMENT, OPENING))).isEqualTo(expected);
        assertThat(VaultCipher.AES_256_GCM.decrypt(key, NONCE, COMMITMENT, HEX.parseHex(expected))).isEqualTo(OPENING);
    }

    @ParameterizedTest
    @EnumSource(VaultCipher.class)
    void roundTripsPlaintextsOfEveryLength(VaultCipher cipher) throws Exception {
        DeterministicRandom random = new DeterministicRandom("vault-round-trip-" + cipher);
        byte[] key = cipher.subkey(MASTER);
        for (int len = 0; len <= 100; len++) {
            byte[] pt = new byte[len];
            byte[] nonce = new byte[12];
            random.nextBytes(pt);
            random.nextBytes(nonce);
            byte[] ct = cipher.encrypt(key, nonce, COMMITMENT, pt);
            assertThat(ct).hasSize(len + 16);
            assertThat(cipher.decrypt(key, nonce, COMMITMENT, ct)).isEqualTo(pt);
        }
    }

    @ParameterizedTest
    @EnumSource(VaultCipher.class)
    void rejectsEveryFlippedByteOfCiphertextAndTag(VaultCipher cipher) {
        byte[] key = cipher.subkey(MASTER);
        byte[] ct = cipher.encrypt(key, NONCE, COMMITMENT, OPENING);
        for (int i = 0; i < ct.length; i++) {
            byte[] bad = ct.clone();
            bad[i] ^= 0x01;
            assertThatThrownBy(() -> cipher.decrypt(key, NONCE, COMMITMENT, bad))
                    .as("flipped byte %d", i).isInstanceOf(InvalidCipherTextException.class);
        }
        assertThatThrownBy(() -> cipher.decrypt(key, NONCE, COMMITMENT, Arrays.copyOf(ct, ct.length - 1)))
                .isInstanceOf(InvalidCipherTextException.class);
        assertThatThrownBy(() -> cipher.decrypt(key, NONCE, COMMITMENT, new byte[5]))
                .isInstanceOf(InvalidCipherTextException.class);
    }

    @ParameterizedTest
    @EnumSource(VaultCipher.class)
    void rejectsAWrongKeyNonceOrAssociatedData(VaultCipher cipher) {
        byte[] key = cipher.subkey(MASTER);
        byte[] ct = cipher.encrypt(key, NONCE, COMMITMENT, OPENING);
        byte[] otherMaster = MASTER.clone();
        otherMaster[0] ^= (byte) 0x80;
        assertThatThrownBy(() -> cipher.decrypt(cipher.subkey(otherMaster), NONCE, COMMITMENT, ct))
                .isInstanceOf(InvalidCipherTextException.class);
        byte[] otherNonce = NONCE.clone();
        otherNonce[11] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(key, otherNonce, COMMITMENT, ct))
                .isInstanceOf(InvalidCipherTextException.class);
        byte[] otherCommitment = "5d".repeat(31).concat("5e").getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> cipher.decrypt(key, NONCE, otherCommitment, ct))
                .isInstanceOf(InvalidCipherTextException.class);
        assertThatThrownBy(() -> cipher.decrypt(key, NONCE, new byte[0], ct))
                .isInstanceOf(InvalidCipherTextException.class);
    }

    @Test
    void theOtherAlgorithmsKeyDoesNotOpenARow() {
        byte[] ct = VaultCipher.SM4_GCM.encrypt(VaultCipher.SM4_GCM.subkey(MASTER), NONCE, COMMITMENT, OPENING);
        byte[] aesKeyPrefix = Arrays.copyOf(VaultCipher.AES_256_GCM.subkey(MASTER), 16);
        assertThatThrownBy(() -> VaultCipher.SM4_GCM.decrypt(aesKeyPrefix, NONCE, COMMITMENT, ct))
                .isInstanceOf(InvalidCipherTextException.class);
    }

    @Test
    void theLedgerSuitePicksTheCipherAndRowsNameTheirs() {
        assertThat(VaultCipher.forSuite(CryptoSuites.SM2_SM3)).isEqualTo(VaultCipher.SM4_GCM);
        assertThat(VaultCipher.forSuite(CryptoSuites.ED25519_SHA256)).isEqualTo(VaultCipher.AES_256_GCM);
        assertThat(VaultCipher.byAlgorithm("SM4-GCM")).isEqualTo(VaultCipher.SM4_GCM);
        assertThat(VaultCipher.byAlgorithm("AES-256-GCM")).isEqualTo(VaultCipher.AES_256_GCM);
        assertThatThrownBy(() -> VaultCipher.byAlgorithm("ROT13")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesKeysAndNoncesOfTheWrongLength() {
        assertThatThrownBy(() -> VaultCipher.SM4_GCM.encrypt(new byte[32], NONCE, COMMITMENT, OPENING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VaultCipher.AES_256_GCM.encrypt(new byte[16], NONCE, COMMITMENT, OPENING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VaultCipher.SM4_GCM.encrypt(new byte[16], new byte[16], COMMITMENT, OPENING))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
