package org.drledger.command.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.drledger.core.testing.DeterministicRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultKeyFileTest {
    @TempDir
    Path dataDir;

    @Test
    void isCreatedOnFirstUseOwnerOnlyAndReused() throws Exception {
        Path keys = dataDir.resolve("keys");
        VaultKeyFile file = new VaultKeyFile(keys);
        assertThat(file.exists()).isFalse();

        byte[] first = file.loadOrCreate(new DeterministicRandom("vault-key-1"));
        assertThat(first).hasSize(32);
        assertThat(file.file()).isEqualTo(keys.resolve("vault.key")).exists();
        assertThat(Files.readAllBytes(file.file())).isEqualTo(first);
        try (var listing = Files.list(keys)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("vault.key");
        }

        byte[] again = new VaultKeyFile(keys).loadOrCreate(new DeterministicRandom("vault-key-2"));
        assertThat(again).isEqualTo(first);
    }

    @Test
    void fileAndDirectoryAreReadableByTheOwnerOnly() throws Exception {
        assumeTrue(Files.getFileStore(dataDir).supportsFileAttributeView("posix"), "POSIX permissions");
        VaultKeyFile file = new VaultKeyFile(dataDir.resolve("keys"));
        file.loadOrCreate(new DeterministicRandom("vault-key-perm"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.file().getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void aKeyFileOfTheWrongLengthIsRefusedNotReplaced() throws Exception {
        Path keys = Files.createDirectories(dataDir.resolve("keys"));
        Files.write(keys.resolve("vault.key"), new byte[16]);
        VaultKeyFile file = new VaultKeyFile(keys);
        assertThatThrownBy(() -> file.loadOrCreate(new DeterministicRandom("x")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("16 bytes");
        assertThat(Files.readAllBytes(keys.resolve("vault.key"))).hasSize(16);
    }
}
