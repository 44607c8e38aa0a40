package org.drledger.core.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.drledger.core.TestVectors;
import org.drledger.core.bytes.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The implementation reproduces every stored value of docs/test-vectors/draw and rejects every negative. */
class DrawVectorsTest {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    static Stream<Arguments> positives() {
        List<Arguments> out = new ArrayList<>();
        for (String file : List.of("draw/worked-example.json", "draw/cases.json")) {
            for (JsonNode c : TestVectors.read(file).get("cases")) {
                out.add(Arguments.of(c.get("name").asText(), c));
            }
        }
        return out.stream();
    }

    static Stream<Arguments> negatives() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : TestVectors.read("draw/negative.json").get("cases")) {
            out.add(Arguments.of(c.get("name").asText(), c));
        }
        return out.stream();
    }

    static DrawInput parse(JsonNode c) throws Exception {
        return DrawInputParser.parse(PLAIN.writeValueAsBytes(c.get("input")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positives")
    void reproducesEveryIntermediateValue(String name, JsonNode c) throws Exception {
        DrawInput in = parse(c);
        JsonNode im = c.get("intermediate");
        JsonNode frozen = DrawJson.input(in);
        assertThat(frozen.get("population")).isEqualTo(im.get("population"));
        assertThat(DrawJson.canonical(frozen.get("roster"))).isEqualTo(DrawJson.canonical(im.get("roster")));

        assertThat(new String(in.plan().canonicalBytes(), StandardCharsets.UTF_8))
                .isEqualTo(im.get("planCanonical").asText());
        assertThat(hex(in.plan().hash())).isEqualTo(im.get("planHash").asText());
        assertThat(hex(in.population().preimage())).isEqualTo(im.get("popPreimage").asText());
        assertThat(hex(in.population().hash())).isEqualTo(im.get("popHash").asText());
        assertThat(hex(in.roster().preimage())).isEqualTo(im.get("rosterPreimage").asText());
        assertThat(hex(in.roster().hash())).isEqualTo(im.get("rosterHash").asText());

        List<DrawHashes.SeedContribution> contributions = new ArrayList<>();
        for (JsonNode p : im.get("commitments")) {
            String party = p.get("partyId").asText();
            byte[] commitment = Hex.decode(p.get("commitment").asText());
            byte[] secret = p.get("flag").asInt() == 1 ? Hex.decode(p.get("r").asText()) : null;
            if (secret != null) {
                assertThat(hex(DrawHashes.commitmentPreimage(in.plan().taskId(), party, secret)))
                        .isEqualTo(p.get("commitmentPreimage").asText());
                assertThat(DrawHashes.commitment(in.plan().taskId(), party, secret)).isEqualTo(commitment);
            } else {
                assertThat(p.get("r").asText()).isEqualTo("00".repeat(32));
            }
            contributions.add(new DrawHashes.SeedContribution(party, commitment, secret));
        }
        assertThat(hex(in.randomness().rand())).isEqualTo(im.get("rand").asText());
        byte[] seedPre = DrawHashes.seedPreimage(in.plan().taskId(), in.plan().hash(), in.population().hash(),
                in.roster().hash(), in.randomness().source(), in.randomness().round(), in.randomness().rand(),
                contributions);
        assertThat(hex(seedPre)).isEqualTo(im.get("seedPreimage").asText());
        byte[] seed = DrawHashes.seed(in.plan().taskId(), in.plan().hash(), in.population().hash(),
                in.roster().hash(), in.randomness().source(), in.randomness().round(), in.randomness().rand(),
                contributions);
        assertThat(hex(seed)).isEqualTo(im.get("seed").asText());

        for (JsonNode t : im.get("tickets")) {
            assertThat(hex(DrawHashes.ticket(seed, t.get("entityId").asText()))).isEqualTo(t.get("ticket").asText());
        }
        DrawResult result = Draw.run(in);
        for (JsonNode s : im.get("strata")) {
            DrawPlan.Stratum st = in.plan().stratum(s.get("stratum").asText());
            assertThat(Draw.targetCount(s.get("populationCount").asLong(), st))
                    .isEqualTo(s.get("targetCount").asLong());
            List<DrawResult.Target> esc = result.escalate(st.stratum(), 2);
            assertThat(esc).hasSize(s.get("escalationNext2").size());
            for (int i = 0; i < esc.size(); i++) {
                JsonNode e = s.get("escalationNext2").get(i);
                assertThat(esc.get(i).entityId()).isEqualTo(e.get("entityId").asText());
                assertThat(esc.get(i).order()).isEqualTo(e.get("order").asInt());
                assertThat(hex(esc.get(i).ticket())).isEqualTo(e.get("ticket").asText());
            }
        }
        for (JsonNode d : im.get("matching")) {
            for (JsonNode a : d.get("attempts")) {
                for (JsonNode e : a.get("eligible")) {
                    assertThat(hex(DrawHashes.prio(seed, d.get("entityId").asText(), e.get("officerId").asText())))
                            .isEqualTo(e.get("prio").asText());
                }
            }
        }
        // the literal reference reproduces the published trace (candidates considered at each ladder step)
        ReferenceDraw ref = ReferenceDraw.run(in);
        assertThat(ref.trace).hasSize(im.get("matching").size());
        for (int i = 0; i < ref.trace.size(); i++) {
            ReferenceDraw.Decision d = ref.trace.get(i);
            JsonNode v = im.get("matching").get(i);
            assertThat(d.entityId()).isEqualTo(v.get("entityId").asText());
            assertThat(d.slot()).isEqualTo(v.get("slot").asInt());
            assertThat(d.chosen()).isEqualTo(v.get("chosen").isNull() ? null : v.get("chosen").asText());
            assertThat(d.attempts()).hasSize(v.get("attempts").size());
            for (int k = 0; k < d.attempts().size(); k++) {
                List<String> ids = new ArrayList<>();
                v.get("attempts").get(k).get("eligible").forEach(e -> ids.add(e.get("officerId").asText()));
                assertThat(d.attempts().get(k).eligible().stream().map(e -> e[0]).toList()).isEqualTo(ids);
            }
        }
        DrawReferenceCrossCheckTest.assertSameJson(DrawJson.canonical(DrawJson.result(result)),
                DrawJson.canonical(c.get("output")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negatives")
    void rejectsEveryNegative(String name, JsonNode c) throws Exception {
        byte[] bytes = c.has("input") ? PLAIN.writeValueAsBytes(c.get("input"))
                : c.has("inputText") ? c.get("inputText").asText().getBytes(StandardCharsets.UTF_8)
                : Hex.decode(c.get("inputHex").asText());
        JsonNode err = c.get("error");
        assertThatThrownBy(() -> {
            DrawInput in = DrawInputParser.parse(bytes);
            assertThat(err.path("atDraw").asBoolean()).as("fails only when the draw runs").isTrue();
            Draw.run(in);
        }).isInstanceOfSatisfying(DrawInputException.class, e -> {
            assertThat(e.rule()).isEqualTo(err.get("rule").asText());
            assertThat(e.where()).isEqualTo(err.get("where").asText());
        });
    }

    @Test
    void everyRuleHasANegativeVector() {
        Set<String> covered = new HashSet<>();
        TestVectors.read("draw/negative.json").get("cases").forEach(c -> covered.add(c.get("error").get("rule").asText()));
        assertThat(covered).containsExactlyInAnyOrderElementsOf(DrawInputException.RULES);
    }

    @Test
    void workedExampleRandIsThePublishedDrandRandomness() {
        // formats-reference.md §2.1: quicknet round 123
        JsonNode c = TestVectors.read("draw/worked-example.json").get("cases").get(0);
        assertThat(c.at("/input/randomness/signature").asText()).isEqualTo("b75c69d0b72a5d906e854e808ba7e2accb1542ac355ae"
                + "486d591aa9d43765482e26cd02df835d3546d23c4b13e0dfc92");
        assertThat(c.at("/intermediate/rand").asText())
                .isEqualTo("fb8f7bc29bf24db51871ec8c79f3a1e4bd0557bc0dfcee9ed1d924e69d1c60dc");
        assertThat(c.at("/output/randomness/rand").asText())
                .isEqualTo("fb8f7bc29bf24db51871ec8c79f3a1e4bd0557bc0dfcee9ed1d924e69d1c60dc");
    }

    @Test
    void vectorCasesShowWhatTheirNamesPromise() {
        JsonNode cases = TestVectors.read("draw/cases.json").get("cases");
        JsonNode byName = null;
        for (JsonNode c : cases) {
            String n = c.get("name").asText();
            JsonNode out = c.get("output");
            switch (n) {
                case "missing-reveal" -> assertThat(out.get("commitments").findValuesAsText("revealed"))
                        .containsExactlyInAnyOrder("true", "false");
                case "relaxation-and-unfilled" -> {
                    Set<Integer> steps = new HashSet<>();
                    out.get("teams").forEach(t -> t.get("slots").forEach(s -> {
                        if (!s.get("officerId").isNull()) {
                            steps.add(s.get("relaxationStep").asInt());
                        }
                    }));
                    assertThat(steps).containsExactlyInAnyOrder(0, 1, 2);
                    assertThat(out.get("unfilledSlots").size()).isPositive();
                }
                case "recusal-and-substitution" -> {
                    assertThat(out.get("substitutions")).hasSize(3);
                    assertThat(out.at("/substitutions/0/substituteOfficerId").isNull()).isFalse();
                    assertThat(out.at("/substitutions/1/substituteOfficerId").isNull()).isTrue();
                    assertThat(out.at("/substitutions/2/substituteOfficerId").isNull()).isFalse();
                }
                case "lottery-cwl-ssq" -> assertThat(out.at("/randomness/source").asText()).isEqualTo("cwl-ssq");
                case "non-ascii" -> assertThat(out.get("taskId").asText()).isEqualTo("资阳区-2026-联合抽查-001");
                default -> byName = c;
            }
        }
        assertThat(byName).isNull();
    }

    private static String hex(byte[] b) {
        return Hex.encode(b);
    }
}
