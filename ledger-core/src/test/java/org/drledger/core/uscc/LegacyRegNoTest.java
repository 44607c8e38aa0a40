package org.drledger.core.uscc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;
import org.drledger.core.TestVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LegacyRegNoTest {
    @Test
    void theCitedExampleLiterally() {
        assertThat(LegacyRegNo.checkDigit("11010800000001")).isEqualTo('6');
        assertThat(LegacyRegNo.validate("110108000000016").status()).isEqualTo(LegacyRegNoStatus.VALID);
        // P_0..P_14 worked by hand for 11010800000001: 10,2,6,1,4,8,1,2,4,8,5,10,9,7,5; (5 + 6) mod 10 = 1
        assertThat(UsccReference.regNoStates("11010800000001"))
                .containsExactly(10, 2, 6, 1, 4, 8, 1, 2, 4, 8, 5, 10, 9, 7, 5);
    }

    @Test
    void vectorsAreReproduced() {
        JsonNode v = TestVectors.read("uscc/legacy-reg-no.json");
        for (JsonNode k : v.get("cases")) {
            String name = k.get("name").asText();
            String input = k.get("input").isNull() ? null : k.get("input").asText();
            LegacyRegNoResult r = LegacyRegNo.validate(input);
            JsonNode e = k.get("result");
            assertThat(r.status().name()).as(name).isEqualTo(e.get("status").asText());
            assertThat(UsccReference.regNoStatus(input).name()).as(name).isEqualTo(e.get("status").asText());
            assertThat(r.fault()).as(name).isEqualTo(e.get("fault").asText());
            assertThat(r.position()).as(name).isEqualTo(e.get("position").asInt());
            assertThat(r.expected() == null ? null : r.expected().toString())
                    .isEqualTo(e.get("expected").isNull() ? null : e.get("expected").asText());
            assertThat(r.actual() == null ? null : r.actual().toString())
                    .isEqualTo(e.get("actual").isNull() ? null : e.get("actual").asText());
            if (k.has("p")) {
                int[] p = UsccReference.regNoStates(input.substring(0, 14));
                for (int i = 0; i < 15; i++) {
                    assertThat(p[i]).as(name).isEqualTo(k.get("p").get(i).asInt());
                }
                assertThat(String.valueOf(LegacyRegNo.checkDigit(input.substring(0, 14))))
                        .isEqualTo(k.get("computedCheck").asText());
            }
        }
    }

    /** ISO 7064 MOD 11,10 detects every single-digit substitution: checked exhaustively on seeded numbers. */
    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 152_006L})
    void everySingleSubstitutionIsDetected(long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < 50; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < 14; j++) {
                sb.append((char) ('0' + rnd.nextInt(10)));
            }
            String n = sb.toString() + UsccReference.regNoCheck(sb.toString());
            assertThat(LegacyRegNo.checkDigit(sb.toString())).isEqualTo(n.charAt(14));
            assertThat(LegacyRegNo.validate(n).isValid()).isTrue();
            for (int pos = 0; pos < 15; pos++) {
                for (char c = '0'; c <= '9'; c++) {
                    if (c == n.charAt(pos)) {
                        continue;
                    }
                    String m = n.substring(0, pos) + c + n.substring(pos + 1);
                    assertThat(LegacyRegNo.validate(m).status()).as(m)
                            .isEqualTo(LegacyRegNoStatus.CHECK_DIGIT_MISMATCH);
                }
            }
        }
    }

    @Test
    void badHelperInputThrows() {
        assertThatThrownBy(() -> LegacyRegNo.checkDigit("1101080000000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LegacyRegNo.checkDigit("1101080000000A")).isInstanceOf(IllegalArgumentException.class);
    }
}
