package org.drledger.core.uscc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AllowlistTest {
    @Test
    void theBuiltInListHoldsTheDocumentedCodes() {
        Allowlist list = Allowlist.builtIn();
        assertThat(list.listId()).isEqualTo("uscc-legacy-allowlist");
        assertThat(list.version()).isEqualTo(1);
        assertThat(list.sha256()).matches("[0-9a-f]{64}");
        assertThat(list.entries()).extracting(Allowlist.Entry::code)
                .containsExactly("91350100M0001TGQXM", "91350203M0001FUE2P", "91350211M0000XUF46");
        assertThat(list.find("91350211M0000XUF46")).hasValueSatisfying(e -> {
            assertThat(e.computedCheck()).isEqualTo('R');
            assertThat(e.source()).contains("IDCheck");
        });
        assertThat(list.contains(null)).isFalse();
        assertThat(list.contains("91350211m0000xuf46")).isFalse();
        assertThat(Allowlist.empty().entries()).isEmpty();
    }

    private static String doc(String entry) {
        return "{\"listId\":\"t\",\"version\":1,\"entries\":[" + entry + "]}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "conforming-code|{\"code\":\"91350100M000100Y43\",\"computedCheck\":\"3\",\"source\":\"x\"}",
        "computed-check-mismatch|{\"code\":\"91350211M0000XUF46\",\"computedCheck\":\"6\",\"source\":\"x\"}",
        "malformed-code|{\"code\":\"91350211m0000XUF46\",\"computedCheck\":\"R\",\"source\":\"x\"}",
        "malformed-allowlist|{\"code\":\"91350211M0000XUF46\",\"computedCheck\":\"R\"}",
        "malformed-allowlist|{\"code\":\"91350211M0000XUF46\",\"computedCheck\":\"R\",\"source\":\"x\",\"extra\":1}",
        "not-ascending|{\"code\":\"91350211M0000XUF46\",\"computedCheck\":\"R\",\"source\":\"x\"},"
            + "{\"code\":\"91350100M0001TGQXM\",\"computedCheck\":\"1\",\"source\":\"x\"}",
        "not-ascending|{\"code\":\"91350211M0000XUF46\",\"computedCheck\":\"R\",\"source\":\"x\"},"
            + "{\"code\":\"91350211M0000XUF46\",\"computedCheck\":\"R\",\"source\":\"x\"}",
        "malformed-json|{\"code\":\"91350211M0000XUF46\",\"computedCheck\":\"R\",\"source\":\"x\",\"source\":\"y\"}",
    })
    void loaderRejects(String rule, String entry) {
        byte[] json = doc(entry).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Allowlist.load(json)).isInstanceOfSatisfying(AllowlistFormatException.class,
                e -> assertThat(e.rule()).isEqualTo(rule));
    }

    @Test
    void aLoadedListIsUsedForValidation() {
        Allowlist list = Allowlist.load(doc("{\"code\":\"91350211M00013FA1N\",\"computedCheck\":\"3\","
                + "\"source\":\"hutool CreditCodeUtilTest\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(Uscc.validate("91350211M00013FA1N", list).status()).isEqualTo(UsccStatus.LEGACY_ALLOWLISTED);
        assertThat(Uscc.validate("91350211M00013FA1N").status()).isEqualTo(UsccStatus.CHECK_CHARACTER_MISMATCH);
        assertThat(Uscc.validate("91350211M0000XUF46", list).status()).isEqualTo(UsccStatus.CHECK_CHARACTER_MISMATCH);
    }
}
