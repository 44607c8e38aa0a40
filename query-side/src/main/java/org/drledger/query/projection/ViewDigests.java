package org.drledger.query.projection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSetMetaData;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A SHA-256 digest of each view's rows, in a fixed order (every column, ascending), so "rebuilt equals original" is
 * one comparison per view. Not a ledger format; only for comparing a database's views with themselves.
 */
@Component
public class ViewDigests {
    private final JdbcTemplate jdbc;

    public ViewDigests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Table name → digest (hex) and row count, for every table of every projection. */
    public Map<String, String> of(Iterable<Projection> projections) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Projection p : projections) {
            for (String table : p.tables()) {
                out.put(table, digest(table));
            }
        }
        return out;
    }

    String digest(String table) {
        MessageDigest md = sha256();
        long[] rows = {0};
        int columns = jdbc.query("SELECT * FROM " + table + " WHERE 1 = 0", rs -> {
            return rs.getMetaData().getColumnCount();
        });
        String order = IntStream.rangeClosed(1, columns).mapToObj(Integer::toString).collect(Collectors.joining(","));
        jdbc.query("SELECT * FROM " + table + " ORDER BY " + order, rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            StringBuilder row = new StringBuilder();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                Object v = rs.getObject(c);
                row.append(v instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(v)).append('\u001f');
            }
            md.update(row.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            rows[0]++;
        });
        return HexFormat.of().formatHex(md.digest()) + " (" + rows[0] + " rows)";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
