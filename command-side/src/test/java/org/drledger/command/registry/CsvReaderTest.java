package org.drledger.command.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
    private static List<String[]> read(byte[] bytes) throws Exception {
        List<String[]> out = new ArrayList<>();
        try (CsvReader r = new CsvReader(new ByteArrayInputStream(bytes), 50, 10)) {
            String[] rec;
            while ((rec = r.next()) != null) {
                out.add(rec);
            }
        }
        return out;
    }

    private static List<String[]> read(String s) throws Exception {
        return read(s.getBytes(StandardCharsets.UTF_8));
    }

    private static CsvReader.SyntaxException syntax(String s) {
        try {
            read(s);
        } catch (CsvReader.SyntaxException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no syntax error in " + s);
    }

    @Test
    void readsRfc4180RecordsWithQuotedCommasQuotesAndLineBreaks() throws Exception {
        List<String[]> r = read("a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n,,\r\n");
        assertThat(r).hasSize(3);
        assertThat(r.get(0)).containsExactly("a", "b", "c");
        assertThat(r.get(1)).containsExactly("x,1", "say \"hi\"", "two\r\nlines");
        assertThat(r.get(2)).containsExactly("", "", "");
    }

    @Test
    void acceptsBareLfAMissingFinalLineBreakABomAndChineseText() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "名称,地址\n资阳,雁江区".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        List<String[]> r = read(all);
        assertThat(r.get(0)).containsExactly("名称", "地址");
        assertThat(r.get(1)).containsExactly("资阳", "雁江区");
    }

    @Test
    void aBlankLineIsARecordWithNoFieldsAndRowsCountRecordsNotLines() throws Exception {
        try (CsvReader r = new CsvReader(new ByteArrayInputStream("h\n\n\"a\nb\"\nc\n".getBytes(StandardCharsets.UTF_8)),
                50, 10)) {
            assertThat(r.next()).containsExactly("h");
            assertThat(r.row()).isEqualTo(1);
            assertThat(r.next()).isEmpty();
            assertThat(r.row()).isEqualTo(2);
            assertThat(r.next()).containsExactly("a\nb");
            assertThat(r.row()).isEqualTo(3);
            assertThat(r.next()).containsExactly("c");
            assertThat(r.row()).isEqualTo(4);
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void refusesAQuoteInsideAnUnquotedField() {
        CsvReader.SyntaxException e = syntax("a,b\nx,y\"z\n");
        assertThat(e.rule()).isEqualTo("csv-quote-in-field");
        assertThat(e.row()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(2);
    }

    @Test
    void refusesTextAfterAClosingQuoteAnUnterminatedQuoteAndABareCr() {
        assertThat(syntax("\"a\"b\n").rule()).isEqualTo("csv-text-after-quote");
        CsvReader.SyntaxException open = syntax("a\n\"never closed\nb\n");
        assertThat(open.rule()).isEqualTo("csv-unterminated-quote");
        assertThat(open.row()).isEqualTo(2);
        assertThat(syntax("a\rb\n").rule()).isEqualTo("csv-bare-cr");
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] bad = {'a', '\n', (byte) 0xC3, (byte) 0x28, '\n'};
        assertThatThrownBy(() -> read(bad)).isInstanceOfSatisfying(CsvReader.SyntaxException.class,
                e -> assertThat(e.rule()).isEqualTo("csv-encoding"));
    }

    @Test
    void boundsFieldsAndRecordsSoAStrayQuoteCannotSwallowTheFile() {
        assertThat(syntax("\"" + "x".repeat(100) + "\n").rule()).isEqualTo("csv-field-too-long");
        assertThat(syntax("a,b,c,d,e,f,g,h,i,j,k\n").rule()).isEqualTo("csv-too-many-fields");
    }
}
