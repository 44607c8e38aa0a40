package org.drledger.command.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryRulesTest {
    static String idCard(String first17) {
        return first17 + InspectorRules.idCardCheck(first17);
    }

    @Test
    void anIdCardNumberHasAValidBirthDateAndCheckCharacter() {
        List<Violation> v = new ArrayList<>();
        assertThat(InspectorRules.idCardNo(v, "11010519491231002X")).isEqualTo("11010519491231002X");
        assertThat(InspectorRules.idCardNo(v, " 11010519491231002x ")).isEqualTo("11010519491231002X");
        assertThat(v).isEmpty();
        String good = idCard("51200219850315123");
        assertThat(InspectorRules.idCardNo(v, good)).isEqualTo(good);
        char wrong = good.charAt(17) == '0' ? '1' : '0';
        assertThat(InspectorRules.idCardNo(v, good.substring(0, 17) + wrong)).isNull();
        assertThat(InspectorRules.idCardNo(v, "512002198502301231")).isNull();
        assertThat(InspectorRules.idCardNo(v, "5120021985")).isNull();
        assertThat(v).extracting(Violation::rule).containsExactly("id-card-check", "id-card-format", "id-card-format");
        assertThat(v).extracting(Violation::message).noneMatch(m -> m.contains("512002"));
    }

    @Test
    void aPhoneIsDigitsWithAnOptionalPlusAndDashes() {
        List<Violation> v = new ArrayList<>();
        assertThat(InspectorRules.phone(v, "13912345678")).isEqualTo("13912345678");
        assertThat(InspectorRules.phone(v, "028-26123456")).isEqualTo("028-26123456");
        assertThat(InspectorRules.phone(v, "")).isNull();
        assertThat(v).isEmpty();
        assertThat(InspectorRules.phone(v, "139 1234 5678")).isNull();
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo("phone-format");
            assertThat(x.message()).doesNotContain("1234");
        });
    }

    @Test
    void aRiskClassIsOneOfAToDAndItsValueIsNeverRepeated() {
        List<Violation> v = new ArrayList<>();
        assertThat(ObjectRules.riskClass(v, " B ")).isEqualTo("B");
        assertThat(ObjectRules.riskClass(v, "")).isNull();
        assertThat(ObjectRules.riskClass(v, "E9")).isNull();
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo("unknown-value");
            assertThat(x.message()).doesNotContain("E9");
        });
    }

    @Test
    void textIsStrippedAndPutIntoNfcAndSetsAreCanonical() {
        assertThat(RegistryText.normalize("  e\u0301 ")).isEqualTo("\u00e9");
        assertThat(RegistryText.normalize(" \t ")).isNull();
        List<Violation> v = new ArrayList<>();
        assertThat(RegistryText.identifierSet(v, "s", List.of("b", "a", "b", " ", "\uD83D\uDE00", "\uFFFD")))
                .containsExactly("a", "b", "\uFFFD", "\uD83D\uDE00");
        assertThat(v).isEmpty();
    }
}
