package org.drledger.command.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.SigningKey;

/**
 * Private keys as PKCS#8 PEM files in one directory, readable by the owner only. Keys never go into the database;
 * a PKCS#11 / HSM store would replace this class behind the same two methods.
 */
public final class KeyFiles {
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path dir;
    private final CryptoSuite suite;
    private final Map<String, SigningKey> cache = new ConcurrentHashMap<>();

    public KeyFiles(Path dir, CryptoSuite suite) {
        this.dir = dir;
        this.suite = suite;
        try {
            Files.createDirectories(dir);
            restrict(dir, OWNER_DIR);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create key directory " + dir, e);
        }
    }

    public Path directory() {
        return dir;
    }

    public CryptoSuite suite() {
        return suite;
    }

    /** Writes a new key under {@code <name>.pem}, atomically and owner-only; never overwrites. */
    public void store(String name, SigningKey key) {
        Path target = file(name);
        try {
            Path tmp = Files.createTempFile(dir, ".new-", ".pem");
            restrict(tmp, OWNER_FILE);
            Files.writeString(tmp, key.toPkcs8Pem(), StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
            if (!Files.readString(target, StandardCharsets.US_ASCII).equals(key.toPkcs8Pem())) {
                throw new FileAlreadyExistsException(target.toString());
            }
            cache.put(name, key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store key " + target, e);
        }
    }

    public Optional<SigningKey> load(String name) {
        SigningKey cached = cache.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Path f = file(name);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            SigningKey key = suite.readPrivateKeyPem(Files.readString(f, StandardCharsets.US_ASCII));
            cache.put(name, key);
            return Optional.of(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key " + f, e);
        }
    }

    private Path file(String name) {
        if (!name.matches("[A-Za-z0-9._-]{1,100}") || name.startsWith(".")) {
            throw new IllegalArgumentException("not a key file name: " + name);
        }
        return dir.resolve(name + ".pem");
    }

    private static void restrict(Path p, Set<PosixFilePermission> perms) throws IOException {
        if (Files.getFileStore(p).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(p, perms);
        }
    }
}
