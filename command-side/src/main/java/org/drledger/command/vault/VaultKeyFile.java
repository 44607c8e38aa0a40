package org.drledger.command.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The vault's data-encryption master key: 32 random bytes in {@code <ledger.data-dir>/keys/vault.key}, readable by
 * the owner only, created on first use and never stored in the database. A KMS or HSM (e.g. a GM/T 0018 cipher
 * machine through PKCS#11) would replace this class: it would hold the master key and derive or unwrap the
 * per-algorithm subkeys, and nothing else in the vault would change.
 */
public final class VaultKeyFile {
    public static final String FILE_NAME = "vault.key";
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path file;

    public VaultKeyFile(Path keyDirectory) {
        this.file = keyDirectory.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    /** Reads the key; creates it first if it does not exist. Two racing creators end with the same key. */
    public synchronized byte[] loadOrCreate(SecureRandom random) {
        if (!Files.exists(file)) {
            create(random);
        }
        return read();
    }

    private byte[] read() {
        try {
            byte[] key = Files.readAllBytes(file);
            if (key.length != VaultCipher.MASTER_KEY_LENGTH) {
                throw new IllegalStateException("the vault key " + file + " has " + key.length + " bytes, not "
                        + VaultCipher.MASTER_KEY_LENGTH);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vault key " + file, e);
        }
    }

    /** Writes a temporary owner-only file, then links it into place, which fails if another process won. */
    private void create(SecureRandom random) {
        byte[] key = new byte[VaultCipher.MASTER_KEY_LENGTH];
        random.nextBytes(key);
        Path dir = file.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            restrict(dir, OWNER_DIR);
            tmp = Files.createTempFile(dir, ".new-vault-", ".key");
            restrict(tmp, OWNER_FILE);
            Files.write(tmp, key);
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException lost) {
                return;
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (Files.exists(file)) {
                    return;
                }
                Files.move(tmp, file);
                tmp = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the vault key " + file, e);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover owner-only temporary file is harmless
                }
            }
        }
    }

    private static void restrict(Path p, Set<PosixFilePermission> perms) throws IOException {
        if (Files.getFileStore(p).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(p, perms);
        }
    }
}
