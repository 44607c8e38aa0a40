package org.drledger.core.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.drledger.core.TestVectors;
import org.drledger.core.bytes.Hex;
import org.drledger.core.json.CanonicalJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unit-level behaviour of the public API that the vectors do not isolate. */
class DrawApiTest {

    static DrawPlan.Stratum stratum(long num, long den, long min, Long max) {
        return new DrawPlan.Stratum("", new DrawPlan.Ratio(num, den), min, max);
    }

    @ParameterizedTest(name = "N={0} ratio {1}/{2} min {3} max {4} -> {5}")
    @CsvSource(nullValues = "-", value = {
        "7, 1, 5, 1, -, 2",              // ceil(7/5) = 2
        "5, 1, 2, 0, 2, 2",              // ceil(5/2) = 3, capped by max 2
        "100, 1, 20, 0, -, 5",           // exact division: no rounding up
        "101, 1, 20, 0, -, 6",           // ceil(5.05) = 6
        "3, 0, 1, 5, -, 3",              // min 5 but only 3 entities
        "0, 1, 2, 3, -, 0",              // empty stratum
        "40, 0, 1, 0, -, 0",             // ratio 0 and no min: nobody
        "1000000, 1, 3, 0, -, 333334",   // ceil(333333.33)
        "2147483647, 9007199254740991, 9007199254740991, 0, -, 2147483647", // N·num needs more than 64 bits
        "2147483647, 1, 9007199254740991, 0, -, 1"})
    void targetCountsAreExactIntegers(long n, long num, long den, long min, Long max, long expected) {
        assertThat(Draw.targetCount(n, stratum(num, den, min, max))).isEqualTo(expected);
    }

    @Test
    void utf8OrderIsNotUtf16Order() {
        String fullwidthA = "检查员Ａ";     // U+FF21 = EF BC A1
        String supplementary = "检查员𠀀";   // U+20000 = F0 A0 80 80
        assertThat(fullwidthA.compareTo(supplementary)).isPositive();          // UTF-16: D840 < FF21
        assertThat(Ids.compareUtf8(fullwidthA, supplementary)).isNegative();   // UTF-8 bytes
        assertThat(Ids.compareUtf8("ab", "abc")).isNegative();
        assertThat(Ids.compareUtf8("abc", "abc")).isZero();
    }

    @Test
    void identifierLengthCountsUtf8Bytes() {
        assertThat(Ids.id("资".repeat(85), "/x")).hasSize(85);                 // 255 bytes
        assertThat(Ids.id("x".repeat(256), "/x")).hasSize(256);
        assertThatThrownBy(() -> Ids.id("资".repeat(86), "/x"))              // 258 bytes
                .isInstanceOfSatisfying(DrawInputException.class, e -> assertThat(e.rule()).isEqualTo("identifier-too-long"));
        assertThatThrownBy(() -> Ids.id("a\uD800", "/x"))
                .isInstanceOfSatisfying(DrawInputException.class, e -> assertThat(e.rule()).isEqualTo("invalid-unicode"));
        assertThatThrownBy(() -> Ids.id("a\u009F", "/x"))
                .isInstanceOfSatisfying(DrawInputException.class, e -> assertThat(e.rule()).isEqualTo("control-character"));
        assertThat(Ids.id("a\u00A0b", "/x")).isEqualTo("a\u00A0b"); // NBSP is not a control character
    }

    static JsonNode workedPlan() {
        return TestVectors.read("draw/worked-example.json").at("/cases/0/input/plan");
    }

    @Test
    void planHashIgnoresTheOrderOfSetLikeLists() {
        ObjectNode p = (ObjectNode) workedPlan().deepCopy();
        byte[] h = DrawPlan.fromJson(p).hash();
        reverse((ArrayNode) p.get("parties"));
        reverse((ArrayNode) p.get("strata"));
        reverse((ArrayNode) p.at("/populationFilter/objectTypes"));
        reverse((ArrayNode) p.at("/populationFilter/items"));
        reverse((ArrayNode) p.at("/teamTemplate/1/allowedDepartments"));
        assertThat(DrawPlan.fromJson(p).hash()).isEqualTo(h);
        reverse((ArrayNode) p.get("teamTemplate")); // slot order is meaningful
        assertThat(DrawPlan.fromJson(p).hash()).isNotEqualTo(h);
    }

    static void reverse(ArrayNode a) {
        List<JsonNode> l = new ArrayList<>();
        a.forEach(l::add);
        a.removeAll();
        for (int i = l.size() - 1; i >= 0; i--) {
            a.add(l.get(i));
        }
    }

    @Test
    void defaultsAreWrittenOutExplicitly() {
        JsonNode minimal = CanonicalJson.parse("{\"algorithm\":\"drl-draw/1\",\"taskId\":\"t\",\"ratio\":{\"num\":1,"
                + "\"den\":20},\"populationFilter\":{\"items\":[\"i\"]},\"officerCap\":1,\"teamTemplate\":"
                + "[{\"allowedDepartments\":[\"AMR\"]}],\"randomness\":{\"source\":\"drand-quicknet\",\"round\":9},"
                + "\"parties\":[\"p\"],\"revealDeadline\":\"2026-03-01T00:00:00Z\",\"plannedDates\":{\"from\":"
                + "\"2026-03-02\",\"to\":\"2026-03-02\"}}");
        DrawPlan plan = DrawPlan.fromJson(minimal);
        assertThat(new String(plan.canonicalBytes())).isEqualTo("{\"algorithm\":\"drl-draw/1\",\"matchingRules\":"
                + "{\"avoidSameDistrict\":false,\"distinctDepartments\":false},\"officerCap\":1,\"parties\":[\"p\"],"
                + "\"plannedDates\":{\"from\":\"2026-03-02\",\"to\":\"2026-03-02\"},\"populationFilter\":{\"districts\":"
                + "[],\"frequencyCap\":null,\"industries\":[],\"items\":[\"i\"],\"objectTypes\":[]},\"randomness\":"
                + "{\"round\":9,\"source\":\"drand-quicknet\"},\"relaxationLadder\":[],\"revealDeadline\":"
                + "\"2026-03-01T00:00:00Z\",\"strata\":[{\"max\":null,\"min\":0,\"ratio\":{\"den\":20,\"num\":1},"
                + "\"stratum\":\"\"}],\"stratifyBy\":\"\",\"taskId\":\"t\",\"teamTemplate\":[{\"allowedDepartments\":"
                + "[\"AMR\"]}]}");
        // the normalised form reads back to itself, and the explicit single stratum "" is the same plan
        assertThat(DrawPlan.fromJson(plan.toJson())).isEqualTo(plan);
        ObjectNode explicit = (ObjectNode) minimal.deepCopy();
        explicit.remove("ratio");
        explicit.putArray("strata").addObject().put("stratum", "").putObject("ratio").put("num", 1).put("den", 20);
        assertThat(DrawPlan.fromJson(explicit).hash()).isEqualTo(plan.hash());
    }

    @Test
    void unstratifiedPlansAcceptOnlyTheEmptyStratum() {
        ObjectNode pj = (ObjectNode) workedPlan().deepCopy();
        pj.remove(List.of("strata", "stratifyBy"));
        pj.set("ratio", CanonicalJson.parse("{\"num\":1,\"den\":2}"));
        DrawPlan plan = DrawPlan.fromJson(pj);
        assertThat(plan.stratified()).isFalse();
        assertThatThrownBy(() -> Population.of(plan, List.of(new PopulationMember("E1", "A", "D1"))))
                .isInstanceOfSatisfying(DrawInputException.class, e -> {
                    assertThat(e.rule()).isEqualTo("unknown-stratum");
                    assertThat(e.where()).isEqualTo("/population/0/stratum");
                });
        // the freeze ignores the registry stratum of an unstratified plan
        Population p = PopulationFreeze.freeze(plan, List.of(new EntityRecord("E1", "enterprise", "D1", "food", "A",
                "ACTIVE")), List.of());
        assertThat(p.members()).containsExactly(new PopulationMember("E1", "", "D1"));
    }

    @Test
    void populationFreezeAppliesEveryFilter() {
        ObjectNode pj = (ObjectNode) workedPlan().deepCopy();
        ((ObjectNode) pj.get("populationFilter")).set("districts", CanonicalJson.parse("[\"D1\",\"D2\"]"));
        ((ObjectNode) pj.get("populationFilter")).set("industries", CanonicalJson.parse("[\"food\"]"));
        DrawPlan plan = DrawPlan.fromJson(pj);
        List<EntityRecord> reg = List.of(
                new EntityRecord("in", "enterprise", "D1", "food", "A", "ACTIVE"),
                new EntityRecord("inactive", "enterprise", "D1", "food", "A", "active"),   // case matters
                new EntityRecord("type", "product", "D1", "food", "A", "ACTIVE"),
                new EntityRecord("district", "enterprise", "D3", "food", "A", "ACTIVE"),
                new EntityRecord("industry", "enterprise", "D1", "retail", "A", "ACTIVE"),
                new EntityRecord("capped", "enterprise", "D2", "food", "D", "ACTIVE"),
                new EntityRecord("below-cap", "individual", "D2", "food", "D", "ACTIVE"));
        Population p = PopulationFreeze.freeze(plan, reg, List.of(new InspectionCount("capped", 2),
                new InspectionCount("below-cap", 1)));
        assertThat(p.members()).extracting(PopulationMember::entityId).containsExactly("below-cap", "in");
        assertThat(p.countsByStratum()).containsEntry("A", 1).containsEntry("D", 1);
    }

    @Test
    void rosterFreezeAppliesEveryRule() {
        DrawPlan plan = DrawPlan.fromJson(workedPlan()); // plannedDates.to = 2026-03-31, items A07 and B02
        LocalDate to = LocalDate.of(2026, 3, 31);
        List<String> items = List.of("A07.public-info", "B02.food-label");
        List<OfficerRecord> reg = List.of(
                new OfficerRecord("expires-on-last-day", "AMR", "D1", "ACTIVE", to, items, false, null),
                new OfficerRecord("expires-day-before", "AMR", "D1", "ACTIVE", to.minusDays(1), items, false, null),
                new OfficerRecord("suspended", "AMR", "D1", "SUSPENDED", to, items, false, null),
                new OfficerRecord("other-department", "TAX", "D1", "ACTIVE", to, items, false, null),
                new OfficerRecord("missing-item", "ENV", "D1", "ACTIVE", to, List.of("A07.public-info"), false, null),
                new OfficerRecord("own-cap", "AGRI", "D2", "ACTIVE", to, items, true, 1L),
                new OfficerRecord("cap-above-plan", "ENV", "D2", "ACTIVE", to, items, false, 9L));
        Population pop = Population.of(plan, List.of(new PopulationMember("E1", "A", "D1")));
        Roster r = RosterFreeze.freeze(plan, reg, List.of(new Conflict("own-cap", "E1"),
                new Conflict("suspended", "E1"), new Conflict("cap-above-plan", "E9")), pop);
        assertThat(r.officers()).containsExactly(
                new RosterOfficer("cap-above-plan", "ENV", "D2", 2, false),
                new RosterOfficer("expires-on-last-day", "AMR", "D1", 2, false),
                new RosterOfficer("own-cap", "AGRI", "D2", 1, true));
        assertThat(r.conflicts()).containsExactly(new Conflict("own-cap", "E1"));
    }

    @Test
    void drandRoundTimesFollowTheChainParameters() {
        assertThat(RandomnessSources.drandQuicknetRoundTime(1)).isEqualTo(Instant.parse("2023-08-23T15:09:27Z"));
        assertThat(RandomnessSources.drandQuicknetRoundTime(123)).isEqualTo(Instant.parse("2023-08-23T15:15:33Z"));
    }

    @Test
    void lotteryRandIsTheHashOfTheValueText() {
        Randomness r = Randomness.cwlSsq(2025006, "01,07,08,17,20,22+06");
        assertThat(r.rand()).isEqualTo(org.drledger.core.crypto.HashAlgorithm.SHA_256.digest(
                "01,07,08,17,20,22+06".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        for (String bad : List.of("1,07,08,17,20,22+06", "01,07,08,17,20,34+06", "01,07,08,17,20+06",
                "01,07,07,17,20,22+06", "01,07,08,17,20,22+00", "01 07 08 17 20 22+06", "01,07,08,17,20,22+06 ")) {
            assertThatThrownBy(() -> RandomnessSources.validate(Randomness.cwlSsq(2025006, bad), "/randomness"))
                    .isInstanceOfSatisfying(DrawInputException.class,
                            e -> assertThat(e.rule()).isEqualTo("bad-lottery-value"));
        }
    }

    @Test
    void escalationContinuesTheStratumOrder() {
        JsonNode c = TestVectors.read("draw/worked-example.json").at("/cases/0");
        DrawResult r = Draw.run(DrawInputParser.parse(DrawJson.canonical(c.get("input"))));
        JsonNode order = c.at("/intermediate/strata/0/order");
        List<DrawResult.Target> all = r.escalate("A", 100);
        assertThat(all).hasSize(order.size() - 2); // n_A = 2 already selected; the stratum runs out
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).entityId()).isEqualTo(order.get(i + 2).asText());
            assertThat(all.get(i).order()).isEqualTo(i + 3);
        }
        assertThat(r.escalate("A", 0)).isEmpty();
    }

    @Test
    void byteArraysAreCopiedInAndOut() {
        byte[] s = new byte[32];
        Reveal r = new Reveal("p", s);
        s[0] = 1;
        assertThat(r.secret()[0]).isZero();
        r.secret()[1] = 1;
        assertThat(r.secret()[1]).isZero();
        assertThat(r.toString()).doesNotContain(Hex.encode(new byte[32]));
    }

    @Test
    void exceptionsFromTheJavaApiUseTheDocumentPointers() {
        DrawPlan plan = DrawPlan.fromJson(workedPlan());
        assertThatThrownBy(() -> Population.of(plan, List.of(new PopulationMember("E1", "A", "D1"),
                new PopulationMember("E2", "A", "D1"), new PopulationMember("E1", "D", "D2"))))
                .isInstanceOfSatisfying(DrawInputException.class, e -> {
                    assertThat(e.rule()).isEqualTo("duplicate-entity");
                    assertThat(e.where()).isEqualTo("/population/2/entityId");
                    assertThat(e).isInstanceOf(org.drledger.core.FormatException.class);
                });
        assertThatThrownBy(() -> Roster.of(List.of(new RosterOfficer("O", "AMR", "D", 0, false)), List.of()))
                .isInstanceOfSatisfying(DrawInputException.class, e -> assertThat(e.where()).isEqualTo("/roster/officers/0/cap"));
    }
}
