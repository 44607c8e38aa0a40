package org.drledger.verifier;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * {@code verify --jdbc-url}: the checks of a {@code public-ledger} bundle, on a ledger database read directly and
 * read-only ({@link DatabaseSource}). The PostgreSQL and H2 drivers are in the verifier's jar.
 */
public final class DatabaseVerifier {
    private DatabaseVerifier() {
    }

    public static Report verify(String jdbcUrl, String user, String password, BundleVerifier.Options options)
            throws UnusableInputException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl, props)) {
            try (DatabaseSource source = new DatabaseSource(c)) {
                return BundleVerifier.verify(source, "database " + redact(jdbcUrl), options);
            } catch (IllegalStateException e) {
                throw new UnusableInputException("database-read", redact(jdbcUrl), e.getMessage(), e);
            }
        } catch (SQLException | IOException e) {
            throw new UnusableInputException("database", redact(jdbcUrl), "cannot read the database: "
                    + e.getMessage(), e);
        }
    }

    /** The URL without query parameters (they may hold a password). */
    static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?…";
    }
}
