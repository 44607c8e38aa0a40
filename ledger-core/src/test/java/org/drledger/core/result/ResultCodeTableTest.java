package org.drledger.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.drledger.core.FormatException;
import org.drledger.core.result.ResultCodeTable.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResultCodeTableTest {
    /** Pinned: editing the v1 data must fail here; a data change needs a new version file. */
    static final String V1_SHA256 = "7f3ae61690937c29132a3cb43b66daa1f342b51c52fc8c11f5263e00fd588fe6";
    private final ResultCodeTable table = ResultCodeTable.builtIn();

    @Test
    void theBuiltInTableIsVersionOneWithItsPinnedDigest() {
        assertThat(table.ref()).isEqualTo(new ResultCodeTableRef("spot-check-result-codes", 1, V1_SHA256));
        assertThat(ResultCodeTable.builtIn(table.ref())).isSameAs(table);
        assertThat(table.source()).contains("ZhejiangMicroEnt", "spotcheck_main.js");
    }

    @Test
    void listsEveryCodeOfTheSourceInFormOrderWithItsHierarchy() {
        assertThat(table.codes()).extracting(ResultCodeTable.Code::code).containsExactly(
                "1", "A", "2", "B", "C", "6", "D", "3", "4", "5", "G", "E", "F", "7", "8", "9", "10", "11", "12");
        assertThat(table.children("A")).containsExactly("2", "3", "4", "5", "G");
        assertThat(table.children("2")).containsExactly("B", "C", "6", "D");
        assertThat(table.children("E")).isEmpty();
        assertThat(table.find("B").orElseThrow().parent()).isEqualTo("2");
        assertThat(table.find("1").orElseThrow().kind()).isEqualTo(Kind.NO_PROBLEM);
        assertThat(table.find("8").orElseThrow().kind()).isEqualTo(Kind.PROBLEM);
        assertThat(table.find("9").orElseThrow().kind()).isEqualTo(Kind.STATUS);
    }

    @Test
    void labelsAreLookedUpByCodeAndVariantWordingsMapBackToTheCode() {
        assertThat(table.label("1")).isEqualTo("未发现问题");
        assertThat(table.label("A")).isEqualTo("发现问题待后续处理");
        assertThat(table.label("6")).isEqualTo("通过登记的住所（经营场所）无法联系");
        assertThat(table.label("E")).isEqualTo("发现问题经责令已改正");
        assertThat(table.find("E").orElseThrow().labelVariants()).containsExactly("发现问题已责令改正");
        assertThat(table.codeOfLabel("发现问题已责令改正")).contains("E");
        assertThat(table.codeOfLabel(" 发现问题经责令已改正\n")).contains("E");
        assertThat(table.codeOfLabel("迁出")).contains("12");
        assertThat(table.codeOfLabel("发现问题")).isEmpty();
        assertThatThrownBy(() -> table.label("Z")).isInstanceOf(ResultCodeException.class)
                .extracting(e -> ((FormatException) e).rule()).isEqualTo("unknown-code");
    }

    @Test
    void aValidResultComesBackInTableOrder() {
        assertThat(table.validate(List.of("B", "A", "2", "7"))).containsExactly("A", "2", "B", "7");
        assertThat(table.validate(List.of("1"))).containsExactly("1");
        assertThat(table.validate(List.of("E", "8"))).containsExactly("E", "8");
        assertThat(table.validate(List.of("A"))).as("a parent alone is a coarser valid answer").containsExactly("A");
        assertThat(table.validate(List.of("G", "A", "5"))).containsExactly("A", "5", "G");
    }

    @Test
    void resultCodeOneExcludesProblemCodes() {
        for (String problem : List.of("A", "E", "8")) {
            refused(List.of("1", problem), "no-problem-excludes-problem", problem);
        }
        refused(List.of("1", "A", "2", "C"), "no-problem-excludes-problem", "A");
    }

    @Test
    void resultCodeOneCombinesWithStatusCodes() {
        assertThat(table.validate(List.of("9", "1"))).containsExactly("1", "9");
        assertThat(table.validate(List.of("1", "F", "7"))).containsExactly("1", "F", "7");
    }

    @Test
    void aSubItemNeedsItsParent() {
        refused(List.of("B"), "parent-required", "B");
        refused(List.of("A", "B"), "parent-required", "B");
        refused(List.of("2", "B"), "parent-required", "2");
        refused(List.of("3"), "parent-required", "3");
        refused(List.of("G"), "parent-required", "G");
    }

    @Test
    void unknownDuplicateAndEmptyResultsAreRefused() {
        refused(List.of("Z"), "unknown-code", "Z");
        refused(List.of("未发现问题"), "unknown-code", "未发现问题");
        refused(List.of("a"), "unknown-code", "a");
        refused(Arrays.asList("1", null), "unknown-code", "");
        refused(List.of("1", "1"), "duplicate-code", "1");
        refused(List.of(), "empty-result", "");
        refused(null, "empty-result", "");
    }

    @Test
    void pendingProblemsRequireAFollowUp() {
        assertThat(table.find("A").orElseThrow().followUpRequired()).isTrue();
        assertThat(table.requiresFollowUp(List.of("A", "3"))).isTrue();
        assertThat(table.requiresFollowUp(List.of("E"))).as("already corrected").isFalse();
        assertThat(table.requiresFollowUp(List.of("1", "9"))).isFalse();
    }

    @Test
    void anyOfKindClassifiesAResult() {
        assertThat(table.anyOfKind(List.of("A", "3"), Kind.PROBLEM)).isTrue();
        assertThat(table.anyOfKind(List.of("1", "9"), Kind.PROBLEM)).isFalse();
        assertThat(table.anyOfKind(List.of("1", "9"), Kind.STATUS)).isTrue();
    }

    @Test
    void aRecordedTableMustMatchTheBuiltInOne() {
        ResultCodeTableRef other = new ResultCodeTableRef("spot-check-result-codes", 1, "0".repeat(64));
        assertThat(rule(() -> ResultCodeTable.builtIn(other))).isEqualTo("digest-mismatch");
        ResultCodeTableRef renamed = new ResultCodeTableRef("other", 1, V1_SHA256);
        assertThat(rule(() -> ResultCodeTable.builtIn(renamed))).isEqualTo("digest-mismatch");
        assertThat(rule(() -> ResultCodeTable.builtIn(new ResultCodeTableRef("spot-check-result-codes", 2,
                V1_SHA256)))).isEqualTo("unknown-table-version");
        assertThat(rule(() -> ResultCodeTable.builtIn(0))).isEqualTo("unknown-table-version");
    }

    @Test
    void theDigestIsOverCanonicalJsonSoFormattingDoesNotMatterButContentDoes() {
        String doc = minimal("\"label\": \"未发现问题\"");
        ResultCodeTable a = ResultCodeTable.load(bytes(doc));
        ResultCodeTable b = ResultCodeTable.load(bytes(doc.replace("\n", "").replace("  ", "")));
        ResultCodeTable c = ResultCodeTable.load(bytes(doc.replace("test table", "test table.")));
        assertThat(a.ref()).isEqualTo(b.ref());
        assertThat(a.ref().sha256()).isNotEqualTo(c.ref().sha256());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            float version          | "version": 1.5                                          | malformed-json
            not an object          | []                                                      | malformed-table
            unknown member         | "extra": 1                                              | malformed-table
            missing codes          | -codes                                                  | malformed-table
            empty codes            | "codes": []                                             | malformed-table
            bad table id           | "tableId": "Bad Id"                                     | malformed-table
            version zero           | "version": 0                                            | malformed-table
            bad kind               | {"code": "X", "label": "x", "kind": "MAYBE"}            | malformed-table
            lowercase code         | {"code": "x", "label": "x", "kind": "STATUS"}           | malformed-code
            duplicate code         | {"code": "1", "label": "x", "kind": "STATUS"}           | duplicate-code
            duplicate label        | {"code": "X", "label": "未发现问题", "kind": "STATUS"}      | duplicate-label
            duplicate variant      | {"code": "X", "label": "x", "labelVariants": ["未发现问题"], "kind": "STATUS"} | duplicate-label
            empty variants         | {"code": "X", "label": "x", "labelVariants": [], "kind": "STATUS"} | malformed-table
            blank label            | {"code": "X", "label": " ", "kind": "STATUS"}           | malformed-table
            unknown parent         | {"code": "X", "label": "x", "kind": "STATUS", "parent": "Q"} | unknown-parent
            parent after child     | {"code": "X", "label": "x", "kind": "STATUS", "parent": "Y"}, {"code": "Y", "label": "y", "kind": "STATUS"} | parent-after-child
            kind differs from parent | {"code": "X", "label": "x", "kind": "STATUS", "parent": "1"} | kind-mismatch
            follow-up flag not boolean | {"code": "X", "label": "x", "kind": "STATUS", "followUpRequired": "yes"} | malformed-table
            """)
    void malformedTablesAreRefusedNamingTheRule(String name, String change, String rule) {
        String doc;
        if (change.equals("[]")) {
            doc = "[]";
        } else if (change.equals("\"codes\": []")) {
            doc = "{\"tableId\": \"t\", \"version\": 1, \"source\": \"s\", \"codes\": []}";
        } else if (change.equals("-codes")) {
            doc = "{\"tableId\": \"t\", \"version\": 1, \"source\": \"s\"}";
        } else if (change.startsWith("{")) {
            doc = minimal("\"label\": \"未发现问题\"").replace("\"kind\": \"NO_PROBLEM\"}",
                    "\"kind\": \"NO_PROBLEM\"}, " + change);
        } else {
            String key = change.substring(0, change.indexOf(':'));
            String base = minimal("\"label\": \"未发现问题\"");
            doc = base.contains(key + ":") ? base.replaceFirst(key + ": [^,\\n]*(,?)", java.util.regex.Matcher
                    .quoteReplacement(change) + "$1") : base.replaceFirst("\\{", "{" + change + ", ");
        }
        String d = doc;
        assertThatThrownBy(() -> ResultCodeTable.load(bytes(d))).as(name).isInstanceOf(ResultCodeTableException.class)
                .extracting(e -> ((FormatException) e).rule()).isEqualTo(rule);
    }

    private static String minimal(String label) {
        return """
                {
                  "tableId": "t",
                  "version": 1,
                  "desc": "test table",
                  "source": "s",
                  "codes": [{"code": "1", %s, "kind": "NO_PROBLEM"}]
                }
                """.formatted(label);
    }

    private void refused(List<String> codes, String rule, String where) {
        assertThatThrownBy(() -> table.validate(codes)).as(String.valueOf(codes))
                .isInstanceOf(ResultCodeException.class)
                .satisfies(e -> {
                    assertThat(((FormatException) e).rule()).isEqualTo(rule);
                    assertThat(((FormatException) e).where()).isEqualTo(where);
                });
    }

    private static String rule(Runnable r) {
        try {
            r.run();
        } catch (FormatException e) {
            return e.rule();
        }
        throw new AssertionError("no exception");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
