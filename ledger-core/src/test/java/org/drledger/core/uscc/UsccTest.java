package org.drledger.core.uscc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;
import org.drledger.core.TestVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {
    private static final Allowlist NONE = Allowlist.empty();

    @Test
    void theAuthorityExamplesLiterally() {
        assertThat(Uscc.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(Uscc.organizationCheckCharacter("M000100Y")).isEqualTo('4');
        assertThat(Uscc.validate("91350100M000100Y43").status()).isEqualTo(UsccStatus.VALID);
        assertThat(Uscc.validate("914403001922038216").status()).isEqualTo(UsccStatus.VALID);
        UsccResult xiamen = Uscc.validate("91350211M0000XUF46");
        assertThat(xiamen.status()).isEqualTo(UsccStatus.LEGACY_ALLOWLISTED);
        assertThat(xiamen.expected()).isEqualTo('R');
        assertThat(xiamen.actual()).isEqualTo('6');
        assertThat(xiamen.isAccepted()).isTrue();
        assertThat(xiamen.isWarning()).isTrue();
        UsccResult strict = Uscc.validate("91350211M0000XUF46", NONE);
        assertThat(strict.status()).isEqualTo(UsccStatus.CHECK_CHARACTER_MISMATCH);
        assertThat(strict.expected()).isEqualTo('R');
        assertThat(strict.isAccepted()).isFalse();
    }

    @Test
    void theWeightsArePowersOfThreeMod31() {
        JsonNode v = TestVectors.read("uscc/uscc.json");
        int[] literal = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}; // domain-reference §2
        for (int i = 0; i < 17; i++) {
            assertThat(UsccReference.weight(i + 1)).isEqualTo(literal[i]);
            assertThat(v.get("weights").get(i).asInt()).isEqualTo(literal[i]);
        }
        assertThat(Uscc.CHARSET).isEqualTo("0123456789ABCDEFGHJKLMNPQRTUWXY").isEqualTo(UsccReference.charset())
                .isEqualTo(v.get("charset").asText()).doesNotContain("I", "O", "S", "V", "Z").hasSize(31);
    }

    @Test
    void vectorsAreReproduced() {
        JsonNode v = TestVectors.read("uscc/uscc.json");
        int n = 0;
        for (JsonNode k : v.get("cases")) {
            String name = k.get("name").asText();
            String input = k.get("input").isNull() ? null : k.get("input").asText();
            Allowlist list = k.get("allowlist").asText().equals("builtin") ? Allowlist.builtIn() : NONE;
            UsccResult r = Uscc.validate(input, list);
            JsonNode e = k.get("result");
            assertThat(r.input()).isEqualTo(input);
            assertThat(r.status().name()).as(name).isEqualTo(e.get("status").asText());
            assertThat(UsccReference.status(input, list).name()).as(name).isEqualTo(e.get("status").asText());
            assertThat(r.fault()).as(name).isEqualTo(e.get("fault").asText());
            assertThat(r.position()).as(name).isEqualTo(e.get("position").asInt());
            assertThat(r.expected() == null ? null : r.expected().toString()).as(name)
                    .isEqualTo(e.get("expected").isNull() ? null : e.get("expected").asText());
            assertThat(r.actual() == null ? null : r.actual().toString()).as(name)
                    .isEqualTo(e.get("actual").isNull() ? null : e.get("actual").asText());
            assertThat(r.reason()).isNotBlank();
            if (k.has("values")) {
                for (int i = 0; i < 17; i++) {
                    assertThat(UsccReference.value(input.charAt(i))).isEqualTo(k.get("values").get(i).asInt());
                }
                int sum = UsccReference.weightedSum(input.substring(0, 17));
                assertThat(sum).as(name).isEqualTo(k.get("weightedSum").asInt());
                assertThat(sum % 31).isEqualTo(k.get("mod31").asInt());
                assertThat(String.valueOf(Uscc.checkCharacter(input.substring(0, 17))))
                        .isEqualTo(k.get("computedCheck").asText())
                        .isEqualTo(String.valueOf(UsccReference.check(input.substring(0, 17))));
                int os = UsccReference.orgSum(input.substring(8, 16));
                assertThat(os).isEqualTo(k.get("orgWeightedSum").asInt());
                assertThat(os % 11).isEqualTo(k.get("orgMod11").asInt());
                assertThat(String.valueOf(Uscc.organizationCheckCharacter(input.substring(8, 16))))
                        .isEqualTo(k.get("computedOrgCheck").asText());
                JsonNode c = k.get("classification");
                UsccClassification got = r.classification().orElseThrow();
                assertThat(got.authority().name()).isEqualTo(c.get("authority").asText());
                assertThat(got.category().name()).isEqualTo(c.get("category").asText());
                assertThat(got.regionCode()).isEqualTo(c.get("regionCode").asText());
                assertThat(got.subjectId()).isEqualTo(c.get("subjectId").asText());
                assertThat(got.isMarketEntity()).isEqualTo(c.get("marketEntity").asBoolean());
            } else {
                assertThat(r.status()).isEqualTo(UsccStatus.MALFORMED);
                assertThat(r.classification()).isEmpty();
            }
            n++;
        }
        assertThat(n).isGreaterThan(50);
    }

    /** Random codes from a fixed seed: compute the check with the reference, then mutate one character. */
    @ParameterizedTest
    @ValueSource(longs = {1L, 7L, 2015L, 32_100L, 11_714L})
    void seededRandomCodesAgreeWithTheReferenceAndEverySubstitutionIsDetected(long seed) {
        Random rnd = new Random(seed);
        String cs = UsccReference.charset();
        for (int i = 0; i < 400; i++) {
            StringBuilder sb = new StringBuilder();
            for (int p = 1; p <= 17; p++) {
                sb.append(p >= 3 && p <= 8 ? (char) ('0' + rnd.nextInt(10)) : cs.charAt(rnd.nextInt(31)));
            }
            if (rnd.nextBoolean()) { // make half of them GB 11714 conforming
                sb.setCharAt(16, UsccReference.orgCheck(sb.substring(8, 16)));
            }
            String code = sb + String.valueOf(UsccReference.check(sb.toString()));
            UsccResult r = Uscc.validate(code, NONE);
            assertThat(r.status()).as(code).isEqualTo(UsccReference.status(code, NONE)).isIn(UsccStatus.VALID,
                    UsccStatus.ORGANIZATION_CODE_MISMATCH);
            assertThat(r.isAccepted()).isTrue();
            int pos = 1 + rnd.nextInt(18);
            char repl;
            do {
                repl = cs.charAt(rnd.nextInt(31));
            } while (repl == code.charAt(pos - 1));
            String mutated = code.substring(0, pos - 1) + repl + code.substring(pos);
            UsccResult m = Uscc.validate(mutated, NONE);
            assertThat(m.status()).as(mutated).isEqualTo(UsccReference.status(mutated, NONE))
                    .isIn(UsccStatus.CHECK_CHARACTER_MISMATCH, UsccStatus.MALFORMED);
            assertThat(m.isAccepted()).isFalse();
        }
    }

    /** Exhaustive: every single-character substitution at every position of a few codes is detected. */
    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "914403001922038216", "92430902MA4L0Q1D8U", "Y1510100KBTXJQQ33G"})
    void everySingleSubstitutionIsDetected(String code) {
        assertThat(Uscc.validate(code, NONE).isAccepted()).isTrue();
        int checked = 0;
        for (int pos = 1; pos <= 18; pos++) {
            for (char c : Uscc.CHARSET.toCharArray()) {
                if (c == code.charAt(pos - 1)) {
                    continue;
                }
                String m = code.substring(0, pos - 1) + c + code.substring(pos);
                UsccStatus expected = pos >= 3 && pos <= 8 && !Character.isDigit(c) ? UsccStatus.MALFORMED
                        : UsccStatus.CHECK_CHARACTER_MISMATCH;
                assertThat(Uscc.validate(m, NONE).status()).as(m).isEqualTo(expected);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(18 * 30);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "914403001922038216", "51510100H15QCXTN97"})
    void everyAdjacentTranspositionOfDistinctCharactersIsDetected(String code) {
        for (int pos = 1; pos < 18; pos++) {
            if (code.charAt(pos - 1) == code.charAt(pos)) {
                continue;
            }
            char[] a = code.toCharArray();
            char t = a[pos - 1];
            a[pos - 1] = a[pos];
            a[pos] = t;
            String m = new String(a);
            assertThat(Uscc.validate(m, NONE).isAccepted()).as(m).isFalse();
        }
    }

    /** Arbitrary strings never throw, and the status agrees with the reference. */
    @ParameterizedTest
    @ValueSource(longs = {3L, 4L, 5L})
    void fuzzNeverThrows(long seed) {
        Random rnd = new Random(seed);
        String pool = Uscc.CHARSET + "IOSVZabcxyz -\t\u3000\u00A0\uFF10\uFF21\u00E9\uD83D\uDE00";
        for (int i = 0; i < 3000; i++) {
            int len = rnd.nextInt(3) == 0 ? rnd.nextInt(25) : 18;
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < len; j++) {
                sb.append(rnd.nextInt(4) == 0 ? pool.charAt(rnd.nextInt(pool.length()))
                        : Uscc.CHARSET.charAt(rnd.nextInt(31)));
            }
            String s = sb.toString();
            UsccResult r = Uscc.validate(s);
            assertThat(r.status()).as(s).isEqualTo(UsccReference.status(s, Allowlist.builtIn()));
        }
    }

    @Test
    void classification() {
        UsccClassification c = Uscc.validate("91350100M000100Y43").classification().orElseThrow();
        assertThat(c.authorityCode()).isEqualTo('9');
        assertThat(c.authority()).isEqualTo(RegistrationAuthority.MARKET_REGULATION);
        assertThat(c.category()).isEqualTo(OrganizationCategory.ENTERPRISE);
        assertThat(c.category().label()).isEqualTo("企业");
        assertThat(c.regionCode()).isEqualTo("350100");
        assertThat(c.provinceCode()).isEqualTo("350000");
        assertThat(c.subjectId()).isEqualTo("M000100Y4");
        assertThat(c.isMarketEntity()).isTrue();
        assertThat(cat("92430902MA4L0Q1D8U")).isEqualTo(OrganizationCategory.INDIVIDUAL_BUSINESS);
        assertThat(cat(UsccVectorsGenerator.withCheck("93430902PE7C635K3"))).isEqualTo(
                OrganizationCategory.FARMER_COOPERATIVE);
        assertThat(cat(UsccVectorsGenerator.withCheck("51110108L106NK23X")))
                .isEqualTo(OrganizationCategory.SOCIAL_ORGANIZATION);
        UsccClassification civil = Uscc.validate(UsccVectorsGenerator.withCheck("53110108L106NK23X"))
                .classification().orElseThrow();
        assertThat(civil.authority()).isEqualTo(RegistrationAuthority.CIVIL_AFFAIRS);
        assertThat(civil.category()).isEqualTo(OrganizationCategory.FOUNDATION);
        assertThat(civil.isMarketEntity()).isFalse();
        UsccClassification odd = Uscc.validate(UsccVectorsGenerator.withCheck("99110108L106NK23X"))
                .classification().orElseThrow();
        assertThat(odd.authority()).isEqualTo(RegistrationAuthority.MARKET_REGULATION);
        assertThat(odd.category()).isEqualTo(OrganizationCategory.UNKNOWN);
        assertThat(odd.categoryCode()).isEqualTo('9');
        assertThat(Uscc.validate("91350211M0000XUF46").classification()).isPresent();
        assertThat(Uscc.validate("9135 0211M0000XUF4").classification()).isEmpty();
    }

    private static OrganizationCategory cat(String code) {
        return Uscc.validate(code).classification().orElseThrow().category();
    }

    @Test
    void helpersRejectBadInputLoudly() {
        assertThatThrownBy(() -> Uscc.checkCharacter("91350100M000100Y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Uscc.checkCharacter("91350100M000100I4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Uscc.organizationCheckCharacter("m000100Y"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Uscc.validate(null).fault()).isEqualTo("null");
        assertThat(Uscc.validate("91350100M000100Y43\uFF13").reason()).contains("length");
        assertThat(Uscc.validate("\uFF19" + "1350100M000100Y43").reason()).contains("full-width", "'9'");
        assertThat(Uscc.validate("91350100m000100Y43").reason()).contains("uppercase");
    }
}
