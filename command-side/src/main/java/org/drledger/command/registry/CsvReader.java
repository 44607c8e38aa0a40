package org.drledger.command.registry;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A strict, streaming RFC 4180 reader for UTF-8 CSV: fields separated by ',', records by CRLF (a bare LF is
 * accepted too, a bare CR is not), a field that contains ',', '"', CR or LF is quoted and its quotes are doubled.
 * Refused, with the record number and column: invalid UTF-8, a quote inside an unquoted field, text after a closing
 * quote, a quoted field left open at the end of the file, and fields or records beyond the configured bounds (so a
 * stray quote cannot make the reader swallow the rest of a large file into memory). An optional UTF-8 byte-order mark
 * is skipped. A blank line is returned as a record with no fields. Not thread-safe.
 *
 * <p>Written here rather than taken from a library because the import needs exactly these refusals, with the row
 * and column for the report, and a hard bound on what one record may hold.
 */
final class CsvReader implements Closeable {
    static final String[] BLANK = new String[0];

    /** A file that is not strict RFC 4180 UTF-8 CSV. */
    static final class SyntaxException extends Exception {
        private final long row;
        private final int column;
        private final String rule;

        SyntaxException(long row, int column, String rule, String message) {
            super("row " + row + (column > 0 ? ", column " + column : "") + ": " + message);
            this.row = row;
            this.column = column;
            this.rule = rule;
        }

        long row() {
            return row;
        }

        int column() {
            return column;
        }

        String rule() {
            return rule;
        }
    }

    private final Reader in;
    private final int maxFieldChars;
    private final int maxFields;
    private final char[] buf = new char[1 << 16];
    private final StringBuilder field = new StringBuilder();
    private int pos;
    private int len;
    private boolean started;
    private long row;

    CsvReader(InputStream bytes, int maxFieldChars, int maxFields) {
        this.in = new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        this.maxFieldChars = maxFieldChars;
        this.maxFields = maxFields;
    }

    /** The number of the record last returned: the header is row 1. */
    long row() {
        return row;
    }

    /** The next record's fields ({@link #BLANK} for a blank line), or null at the end of the file. */
    String[] next() throws IOException, SyntaxException {
        row++;
        int c = read();
        if (c == -1) {
            row--;
            return null;
        }
        if (c == '\r' || c == '\n') {
            endOfLine(c);
            return BLANK;
        }
        List<String> fields = new ArrayList<>();
        while (true) {
            field.setLength(0);
            int column = fields.size() + 1;
            if (c == '"') {
                while (true) {
                    c = read();
                    if (c == -1) {
                        throw new SyntaxException(row, column, "csv-unterminated-quote",
                                "a quoted field is not closed before the end of the file");
                    }
                    if (c == '"') {
                        c = read();
                        if (c != '"') {
                            break;
                        }
                    }
                    append(c, column);
                }
                if (c != ',' && c != '\r' && c != '\n' && c != -1) {
                    throw new SyntaxException(row, column, "csv-text-after-quote",
                            "text after the closing quote of a field");
                }
            } else {
                while (c != ',' && c != '\r' && c != '\n' && c != -1) {
                    if (c == '"') {
                        throw new SyntaxException(row, column, "csv-quote-in-field",
                                "a quote inside an unquoted field (quote the whole field and double the quote)");
                    }
                    append(c, column);
                    c = read();
                }
            }
            fields.add(field.toString());
            if (fields.size() > maxFields) {
                throw new SyntaxException(row, column, "csv-too-many-fields",
                        "more than " + maxFields + " fields in one record");
            }
            if (c == ',') {
                c = read();
                continue;
            }
            if (c != -1) {
                endOfLine(c);
            }
            return fields.toArray(String[]::new);
        }
    }

    private void endOfLine(int c) throws IOException, SyntaxException {
        if (c == '\r' && read() != '\n') {
            throw new SyntaxException(row, 0, "csv-bare-cr", "a CR not followed by LF ends no record");
        }
    }

    private void append(int c, int column) throws SyntaxException {
        if (field.length() >= maxFieldChars) {
            throw new SyntaxException(row, column, "csv-field-too-long",
                    "a field longer than " + maxFieldChars + " characters (an unbalanced quote?)");
        }
        field.append((char) c);
    }

    private int read() throws IOException, SyntaxException {
        if (pos == len) {
            try {
                len = in.read(buf, 0, buf.length);
            } catch (CharacterCodingException e) {
                throw new SyntaxException(row, 0, "csv-encoding", "the file is not valid UTF-8");
            }
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
            if (!started) {
                started = true;
                if (buf[0] == '\uFEFF') {
                    pos = 1;
                    return read();
                }
            }
        }
        return buf[pos++];
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
