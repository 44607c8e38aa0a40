package org.drledger.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * The embedded H2 database gets neither a blank nor a fixed password: when {@code spring.datasource.url} is an H2
 * file URL and no {@code spring.datasource.password} is configured anywhere, the password is read from
 * {@code <ledger.data-dir>/keys/h2.secret}, which is created on first use (32 random bytes, base64url, readable by
 * the owner only). Back it up with the keys: without it the database cannot be opened.
 *
 * <p>The password is supplied by a property source of the lowest precedence that answers only when asked, so
 * every other setting (including ones added after this processor runs, e.g. by tests) wins, and nothing is created
 * unless an H2 file database is actually opened.
 */
public class EmbeddedDatabaseSecret implements EnvironmentPostProcessor, Ordered {
    static final String SOURCE_NAME = "drlEmbeddedDatabaseSecret";
    static final String PASSWORD = "spring.datasource.password";
    static final String URL = "spring.datasource.url";
    static final String H2_FILE = "jdbc:h2:file:";
    static final String FILE_NAME = "h2.secret";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE_NAME)) {
            environment.getPropertySources().addLast(new SecretSource(environment));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Answers {@code spring.datasource.password} for an H2 file URL only; every other source takes precedence. */
    static final class SecretSource extends PropertySource<Object> {
        private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseSecret.class);
        /** Not the source object: Spring Boot expands a source that is an environment into its sources (a loop). */
        private final ConfigurableEnvironment environment;
        private String cachedFor;
        private String cached;

        SecretSource(ConfigurableEnvironment environment) {
            super(SOURCE_NAME, new Object());
            this.environment = environment;
        }

        @Override
        public synchronized Object getProperty(String name) {
            if (!PASSWORD.equals(name)) {
                return null;
            }
            String url = environment.getProperty(URL);
            if (url == null || !url.startsWith(H2_FILE)) {
                return null;
            }
            Path secret = Path.of(environment.getProperty("ledger.data-dir", "data")).resolve("keys").resolve(FILE_NAME);
            String key = secret.toAbsolutePath().normalize().toString();
            if (!key.equals(cachedFor)) {
                cached = readOrCreate(secret, databaseFile(url));
                cachedFor = key;
            }
            return cached;
        }
    }

    /** The H2 file a {@code jdbc:h2:file:} URL opens (H2 appends {@code .mv.db}). */
    static Path databaseFile(String url) {
        String rest = url.substring(H2_FILE.length());
        int semicolon = rest.indexOf(';');
        String file = (semicolon < 0 ? rest : rest.substring(0, semicolon)) + ".mv.db";
        return file.startsWith("~") ? Path.of(System.getProperty("user.home") + file.substring(1)) : Path.of(file);
    }

    static String readOrCreate(Path secret, Path database) {
        try {
            if (Files.exists(secret)) {
                String s = Files.readString(secret, StandardCharsets.US_ASCII).strip();
                if (!s.isEmpty()) {
                    return s;
                }
                if (Files.exists(database)) {
                    throw new IllegalStateException(secret + " is empty; restore it from the backup of the keys");
                }
                Files.delete(secret); // a start that crashed between creating and writing it; no database yet
            } else if (Files.exists(database)) {
                throw new IllegalStateException("The embedded database " + database + " exists but " + secret
                        + " does not. Restore " + FILE_NAME + " from the backup of the keys directory; if the "
                        + "database was created with a blank password, start with SPRING_DATASOURCE_PASSWORD= "
                        + "(empty) set explicitly.");
            }
            Path dir = secret.getParent();
            Files.createDirectories(dir);
            restrict(dir, "rwx------");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                Path created = Files.getFileStore(dir).supportsFileAttributeView("posix")
                        ? Files.createFile(secret, PosixFilePermissions.asFileAttribute(perms("rw-------")))
                        : Files.createFile(secret);
                Files.writeString(created, value + "\n", StandardCharsets.US_ASCII);
            } catch (FileAlreadyExistsException raced) {
                return Files.readString(secret, StandardCharsets.US_ASCII).strip();
            }
            SecretSource.log.info("Created the embedded database password in {} (back it up with the keys)", secret);
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + secret, e);
        }
    }

    private static void restrict(Path p, String perms) throws IOException {
        if (Files.getFileStore(p).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(p, perms(perms));
        }
    }

    private static Set<PosixFilePermission> perms(String s) {
        return PosixFilePermissions.fromString(s);
    }
}
