package org.drledger.core.draw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.HashAlgorithm;

/**
 * Writes docs/test-vectors/draw/*.json. Run once (see the preamble's java -cp recipe) with the repository root as the
 * working directory or the target directory as argument; the files are committed and {@link DrawVectorsTest} checks
 * that the implementation reproduces every value. Expected values come from the implementation AFTER it agreed with
 * {@link ReferenceDraw}; the drand value of case worked-example is checked against formats-reference.md in the test.
 */
public final class DrawVectorGenerator {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String DRAND_123_SIGNATURE = "b75c69d0b72a5d906e854e808ba7e2accb1542ac355ae486d591aa9d43765482"
            + "e26cd02df835d3546d23c4b13e0dfc92";
    static final String DRAND_123_RANDOMNESS = "fb8f7bc29bf24db51871ec8c79f3a1e4bd0557bc0dfcee9ed1d924e69d1c60dc";

    private DrawVectorGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/test-vectors/draw");
        Files.createDirectories(dir);
        ObjectNode worked = F.objectNode();
        worked.put("desc", "drl-draw/1 fully worked example: registry freeze, every pre-image, every ticket, every prio "
                + "considered for every slot, the teams. Secrets are s_j = SHA-256(UTF-8(\"drl-draw/1 test secret: \" "
                + "|| party_id)). drand quicknet round 123 is a public beacon (formats-reference §2.1); a real plan "
                + "commits to a round in the future.");
        worked.put("version", 1);
        worked.putArray("cases").add(positive("worked-example", "Registry form: 15 entities (12 admitted: one "
                + "deregistered, one over the frequency cap, one of another object type), 10 officers (6 admitted: one "
                + "certificate expiring before plannedDates.to, one department not in any slot, one lacking an item, "
                + "one suspended), 2 strata A and D, 2 parties, drand quicknet round 123.", workedInput()));
        write(dir.resolve("worked-example.json"), worked);

        ObjectNode cases = F.objectNode();
        cases.put("desc", "drl-draw/1 vectors: input document, every intermediate value, expected result document. "
                + "Secrets are s_j = SHA-256(UTF-8(\"drl-draw/1 test secret: \" || party_id)).");
        cases.put("version", 1);
        ArrayNode cs = cases.putArray("cases");
        cs.add(positive("non-ascii", "Non-ASCII task, party, department, district, entity and officer ids; an "
                + "unstratified plan (top-level ratio); officer ids whose UTF-8 order differs from their UTF-16 order "
                + "(检查员Ａ U+FF21 sorts before 检查员𠀀 U+20000 in UTF-8).", nonAsciiInput()));
        cs.add(positive("missing-reveal", "Two parties, only one reveals: the other contributes flag 0 and 32 zero "
                + "bytes, and the draw proceeds.", missingRevealInput()));
        cs.add(positive("relaxation-and-unfilled", "All targets in district D1, officerCap 1: the first target's "
                + "slots fill without relaxation, the second needs DROP_AVOID_SAME_DISTRICT, the third's leader needs "
                + "USE_ASSIST_POOL (steps accumulate), the rest stay unfilled.", relaxationInput()));
        cs.add(positive("recusal-and-substitution", "Three recusals in ledger order: a leader is replaced by the "
                + "last LEAD officer with cap left; that substitute is recused too and the slot stays unfilled (the "
                + "first recused officer's cap is not restored, every officer recused for the target stays excluded); "
                + "a second-slot member is replaced. Other teams never change.", recusalInput()));
        cs.add(positive("lottery-cwl-ssq", "Randomness from 中国福利彩票 双色球 期号 2025006 (2025-01-14), "
                + "published result red 01 07 08 17 20 22 blue 06, as listed at https://www.cwl.gov.cn/ygkj/wqkjgg/ssq/ "
                + "(value taken from two independent public copies of the cwl.gov.cn history; check it there). "
                + "rand = SHA-256(UTF-8(value)). Includes escalation.", lotteryInput()));
        write(dir.resolve("cases.json"), cases);

        ObjectNode neg = F.objectNode();
        neg.put("desc", "drl-draw/1 inputs a conforming implementation MUST reject, each named after its fault, with "
                + "the rule and JSON pointer of the error (docs/draw-spec.md §12). 'input' is a JSON document; "
                + "'inputText' is raw text; 'inputHex' raw bytes. Errors marked 'atDraw' are found when the draw runs "
                + "(recusals that do not fit the drawn teams).");
        neg.put("version", 1);
        neg.set("cases", negatives());
        write(dir.resolve("negative.json"), neg);
    }

    static void write(Path p, JsonNode n) throws Exception {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(p, m.writeValueAsString(n) + "\n", StandardCharsets.UTF_8);
    }

    static byte[] secret(String party) {
        return HashAlgorithm.SHA_256.digest(("drl-draw/1 test secret: " + party).getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- positive cases

    static ObjectNode positive(String name, String desc, ObjectNode input) {
        DrawInput in = DrawInputParser.parse(DrawJson.canonical(input));
        DrawResult fast = Draw.run(in);
        ReferenceDraw ref = ReferenceDraw.run(in);
        byte[] a = DrawJson.canonical(DrawJson.result(fast));
        byte[] b = DrawJson.canonical(ref.toJson());
        if (!java.util.Arrays.equals(a, b)) {
            throw new IllegalStateException(name + ": fast and reference implementations disagree");
        }
        ObjectNode c = F.objectNode();
        c.put("name", name);
        c.put("desc", desc);
        c.set("input", input);
        c.set("intermediate", intermediate(in, fast, ref));
        c.set("output", DrawJson.result(fast));
        return c;
    }

    static ObjectNode intermediate(DrawInput in, DrawResult fast, ReferenceDraw ref) {
        ObjectNode im = F.objectNode();
        ObjectNode frozen = DrawJson.input(in);
        im.set("population", frozen.get("population"));
        im.set("roster", frozen.get("roster"));
        im.put("planCanonical", new String(ref.planCanonical, StandardCharsets.UTF_8));
        im.put("planHash", Hex.encode(ref.planHash));
        im.put("popPreimage", Hex.encode(ref.popPreimage));
        im.put("popHash", Hex.encode(ref.popHash));
        im.put("rosterPreimage", Hex.encode(ref.rosterPreimage));
        im.put("rosterHash", Hex.encode(ref.rosterHash));
        ArrayNode cm = im.putArray("commitments");
        for (DrawHashes.SeedContribution sc : fast.contributions()) {
            ObjectNode o = cm.addObject().put("partyId", sc.partyId());
            if (sc.revealed()) {
                o.put("commitmentPreimage",
                        Hex.encode(DrawHashes.commitmentPreimage(in.plan().taskId(), sc.partyId(), sc.secret())));
            }
            o.put("commitment", Hex.encode(sc.commitment())).put("flag", sc.revealed() ? 1 : 0)
                    .put("r", Hex.encode(sc.r()));
        }
        im.put("rand", Hex.encode(ref.rand));
        im.put("seedPreimage", Hex.encode(ref.seedPreimage));
        im.put("seed", Hex.encode(ref.seed));
        ArrayNode ts = im.putArray("tickets");
        for (PopulationMember m : ref.population) {
            ts.addObject().put("entityId", m.entityId()).put("stratum", m.stratum())
                    .put("ticket", Hex.encode(ref.tickets.get(m.entityId())));
        }
        ArrayNode st = im.putArray("strata");
        for (DrawPlan.Stratum s : in.plan().strata()) {
            ObjectNode so = st.addObject().put("stratum", s.stratum())
                    .put("populationCount", ref.stratumOrder.get(s.stratum()).size());
            so.putObject("ratio").put("num", s.ratio().num()).put("den", s.ratio().den());
            so.put("min", s.min());
            if (s.max() == null) {
                so.putNull("max");
            } else {
                so.put("max", s.max());
            }
            so.put("ceil", ref.ceil.get(s.stratum()).longValueExact()).put("targetCount", ref.nk.get(s.stratum()));
            ArrayNode order = so.putArray("order");
            ref.stratumOrder.get(s.stratum()).forEach(order::add);
            ArrayNode esc = so.putArray("escalationNext2");
            for (DrawResult.Target t : fast.escalate(s.stratum(), 2)) {
                esc.addObject().put("order", t.order()).put("entityId", t.entityId())
                        .put("ticket", Hex.encode(t.ticket()));
            }
        }
        ArrayNode mt = im.putArray("matching");
        for (ReferenceDraw.Decision d : ref.trace) {
            ObjectNode o = mt.addObject().put("phase", d.phase());
            if (d.phase().equals("recusal")) {
                o.put("recusal", d.recusal());
            }
            o.put("entityId", d.entityId()).put("slot", d.slot());
            ArrayNode at = o.putArray("attempts");
            for (ReferenceDraw.Attempt a : d.attempts()) {
                ArrayNode el = at.addObject().put("relaxationStep", a.step()).putArray("eligible");
                for (String[] e : a.eligible()) {
                    el.addObject().put("officerId", e[0]).put("prio", e[1]);
                }
            }
            o.put("chosen", d.chosen());
        }
        return im;
    }

    // ---------------------------------------------------------------- builders

    static ObjectNode plan(String taskId, List<String> parties) {
        ObjectNode p = F.objectNode();
        p.put("algorithm", "drl-draw/1");
        p.put("taskId", taskId);
        p.putObject("populationFilter").putArray("items").add("A07.public-info");
        p.put("officerCap", 2);
        p.putObject("randomness").put("source", "drand-quicknet").put("round", 123);
        ArrayNode ps = p.putArray("parties");
        parties.forEach(ps::add);
        p.put("revealDeadline", "2026-03-01T08:00:00Z");
        p.putObject("plannedDates").put("from", "2026-03-02").put("to", "2026-03-31");
        return p;
    }

    static ArrayNode strings(String... values) {
        ArrayNode a = F.arrayNode();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

    static ObjectNode slot(String... departments) {
        ObjectNode s = F.objectNode();
        s.set("allowedDepartments", strings(departments));
        return s;
    }

    static ObjectNode ratio(long num, long den) {
        return F.objectNode().put("num", num).put("den", den);
    }

    static ObjectNode document(ObjectNode plan) {
        ObjectNode d = F.objectNode();
        d.put("format", "drl-draw-input/1");
        d.set("plan", plan);
        return d;
    }

    static void population(ObjectNode doc, String[][] members) {
        ArrayNode a = doc.putArray("population");
        for (String[] m : members) {
            a.addObject().put("entityId", m[0]).put("stratum", m[1]).put("district", m[2]);
        }
    }

    /** officers: {id, department, district, cap, assist("1"/"0")}; conflicts: {officer, entity}. */
    static void roster(ObjectNode doc, String[][] officers, String[][] conflicts) {
        ObjectNode r = doc.putObject("roster");
        ArrayNode os = r.putArray("officers");
        for (String[] o : officers) {
            os.addObject().put("officerId", o[0]).put("department", o[1]).put("district", o[2])
                    .put("cap", Long.parseLong(o[3])).put("assist", o[4].equals("1"));
        }
        ArrayNode cs = r.putArray("conflicts");
        for (String[] c : conflicts) {
            cs.addObject().put("officerId", c[0]).put("entityId", c[1]);
        }
    }

    /** Commitments for every party, reveals for {@code revealing}, drand round 123. */
    static void seedParts(ObjectNode doc, List<String> revealing) {
        ObjectNode plan = (ObjectNode) doc.get("plan");
        String task = plan.get("taskId").asText();
        ArrayNode cm = doc.putArray("commitments");
        for (JsonNode p : plan.get("parties")) {
            cm.addObject().put("partyId", p.asText())
                    .put("commitment", Hex.encode(DrawHashes.commitment(task, p.asText(), secret(p.asText()))));
        }
        if (plan.get("randomness").get("source").asText().equals("drand-quicknet")) {
            doc.putObject("randomness").put("source", "drand-quicknet").put("round", 123)
                    .put("signature", DRAND_123_SIGNATURE).put("randomness", DRAND_123_RANDOMNESS);
        }
        ArrayNode rv = doc.putArray("reveals");
        for (String p : revealing) {
            rv.addObject().put("partyId", p).put("secret", Hex.encode(secret(p)));
        }
    }

    static ObjectNode workedInput() {
        ObjectNode p = plan("ziyang-2026-joint-007", List.of("organizer", "discipline-office"));
        p.put("stratifyBy", "creditRiskClass");
        ArrayNode st = p.putArray("strata");
        st.addObject().put("stratum", "A").<ObjectNode>set("ratio", ratio(1, 5)).put("min", 1);
        st.addObject().put("stratum", "D").<ObjectNode>set("ratio", ratio(1, 2)).put("max", 2);
        ObjectNode pf = p.putObject("populationFilter");
        pf.set("objectTypes", strings("enterprise", "individual"));
        pf.set("items", strings("A07.public-info", "B02.food-label"));
        pf.putObject("frequencyCap").put("maxPerYear", 2).put("year", 2026)
                .set("exemptCategories", strings("case-inspection"));
        p.putArray("teamTemplate").add(slot("AMR", "ENV")).add(slot("AGRI", "AMR", "ENV"));
        p.putObject("matchingRules").put("distinctDepartments", true).put("avoidSameDistrict", true);
        p.set("relaxationLadder", strings("DROP_AVOID_SAME_DISTRICT"));
        ObjectNode doc = document(p);
        ObjectNode reg = doc.putObject("registry");
        ArrayNode es = reg.putArray("entities");
        String[][] entities = {
            {"E01", "enterprise", "D1", "food", "A", "ACTIVE"}, {"E02", "enterprise", "D2", "retail", "A", "ACTIVE"},
            {"E03", "individual", "D1", "food", "A", "ACTIVE"}, {"E04", "enterprise", "D3", "retail", "A", "ACTIVE"},
            {"E05", "enterprise", "D2", "food", "A", "ACTIVE"}, {"E06", "individual", "D1", "retail", "A", "ACTIVE"},
            {"E07", "enterprise", "D3", "food", "A", "ACTIVE"}, {"E08", "enterprise", "D1", "food", "D", "ACTIVE"},
            {"E09", "individual", "D2", "retail", "D", "ACTIVE"}, {"E10", "enterprise", "D3", "food", "D", "ACTIVE"},
            {"E11", "enterprise", "D1", "retail", "D", "ACTIVE"}, {"E12", "enterprise", "D2", "food", "D", "ACTIVE"},
            {"E13", "enterprise", "D1", "food", "A", "DEREGISTERED"},
            {"E14", "enterprise", "D2", "retail", "D", "ACTIVE"},
            {"E15", "product", "D3", "food", "A", "ACTIVE"}};
        for (String[] e : entities) {
            es.addObject().put("entityId", e[0]).put("objectType", e[1]).put("district", e[2]).put("industry", e[3])
                    .put("stratum", e[4]).put("status", e[5]);
        }
        reg.putArray("inspectionCounts").add(F.objectNode().put("entityId", "E14").put("count", 2))
                .add(F.objectNode().put("entityId", "E02").put("count", 1));
        ArrayNode os = reg.putArray("officers");
        String[][] officers = {
            {"O1", "AMR", "D1", "ACTIVE", "2027-12-31", "*"}, {"O2", "AMR", "D2", "ACTIVE", "2026-03-31", "*"},
            {"O3", "ENV", "D1", "ACTIVE", "2028-06-30", "*"}, {"O4", "ENV", "D2", "ACTIVE", "2027-01-01", "*"},
            {"O5", "AGRI", "D3", "ACTIVE", "2027-12-31", "*"}, {"O6", "AGRI", "D1", "ACTIVE", "2027-12-31", "*"},
            {"O7", "AMR", "D3", "ACTIVE", "2026-03-15", "*"}, {"O8", "TAX", "D2", "ACTIVE", "2027-12-31", "*"},
            {"O9", "ENV", "D3", "ACTIVE", "2027-12-31", "A07"}, {"O10", "AMR", "D2", "SUSPENDED", "2027-12-31", "*"}};
        for (String[] o : officers) {
            ObjectNode on = os.addObject().put("officerId", o[0]).put("department", o[1]).put("district", o[2])
                    .put("status", o[3]).put("certificateExpiry", o[4]);
            on.set("items", o[5].equals("*") ? strings("A07.public-info", "B02.food-label", "C11.price")
                    : strings("A07.public-info"));
            if (o[0].equals("O6")) {
                on.put("cap", 1);
            }
        }
        reg.putArray("conflicts").add(F.objectNode().put("officerId", "O1").put("entityId", "E03"))
                .add(F.objectNode().put("officerId", "O7").put("entityId", "E01"))
                .add(F.objectNode().put("officerId", "O2").put("entityId", "E13"));
        seedParts(doc, List.of("organizer", "discipline-office"));
        return doc;
    }

    static ObjectNode nonAsciiInput() {
        ObjectNode p = plan("资阳区-2026-联合抽查-001", List.of("区纪委监委派驻纪检组", "区市场监管局"));
        p.set("ratio", ratio(1, 3));
        p.putObject("populationFilter").set("items", strings("A07.公示信息抽查"));
        p.putArray("teamTemplate").add(slot("区市场监管局")).add(slot("区农业农村局", "市生态环境局资阳分局"));
        p.putObject("matchingRules").put("distinctDepartments", true);
        ObjectNode doc = document(p);
        population(doc, new String[][]{
            {"91430902MA4L000001", "", "汽车路街道"}, {"91430902MA4L000002", "", "大码头街道"},
            {"92430902MA4L000003", "", "新桥河镇"}, {"92430902MA4L000004", "", "长春镇"},
            {"个体工商户-汽车路-005", "", "汽车路街道"}, {"个体工商户-新桥河-006", "", "新桥河镇"},
            {"93430902MA4L000007", "", "大码头街道"}, {"91430902MA4L000008", "", "长春镇"},
            {"农民专业合作社-𠀀-009", "", "新桥河镇"}});
        roster(doc, new String[][]{
            {"执法-市监-01", "区市场监管局", "汽车路街道", "2", "0"}, {"执法-市监-02", "区市场监管局", "长春镇", "2", "0"},
            {"检查员𠀀", "区市场监管局", "大码头街道", "2", "0"}, {"检查员Ａ", "区市场监管局", "新桥河镇", "2", "0"},
            {"执法-农业-01", "区农业农村局", "新桥河镇", "2", "0"},
            {"执法-环境-01", "市生态环境局资阳分局", "汽车路街道", "2", "0"}},
            new String[][]{{"检查员Ａ", "个体工商户-新桥河-006"}});
        seedParts(doc, List.of("区纪委监委派驻纪检组", "区市场监管局"));
        return doc;
    }

    static ObjectNode missingRevealInput() {
        ObjectNode p = plan("ziyang-2026-joint-008", List.of("organizer", "witness-office"));
        p.put("stratifyBy", "creditRiskClass");
        ArrayNode st = p.putArray("strata");
        st.addObject().put("stratum", "B").<ObjectNode>set("ratio", ratio(1, 4));
        st.addObject().put("stratum", "C").<ObjectNode>set("ratio", ratio(1, 2)).put("min", 2).put("max", 3);
        p.putArray("teamTemplate").add(slot("AMR")).add(slot("AMR", "ENV"));
        p.putObject("matchingRules").put("distinctDepartments", false).put("avoidSameDistrict", true);
        p.set("relaxationLadder", strings("USE_ASSIST_POOL", "DROP_AVOID_SAME_DISTRICT"));
        ObjectNode doc = document(p);
        population(doc, new String[][]{
            {"B-01", "B", "D1"}, {"B-02", "B", "D2"}, {"B-03", "B", "D1"}, {"B-04", "B", "D2"}, {"B-05", "B", "D1"},
            {"B-06", "B", "D2"}, {"C-01", "C", "D1"}, {"C-02", "C", "D2"}, {"C-03", "C", "D1"}});
        roster(doc, new String[][]{
            {"amr-1", "AMR", "D1", "2", "0"}, {"amr-2", "AMR", "D2", "2", "0"}, {"amr-3", "AMR", "D3", "2", "1"},
            {"env-1", "ENV", "D1", "2", "0"}, {"env-2", "ENV", "D2", "2", "0"}},
            new String[][]{{"amr-2", "B-01"}, {"env-1", "C-02"}});
        seedParts(doc, List.of("organizer"));
        return doc;
    }

    static ObjectNode relaxationInput() {
        ObjectNode p = plan("ziyang-2026-joint-009", List.of("organizer"));
        p.set("ratio", ratio(1, 1));
        p.put("officerCap", 1);
        p.putArray("teamTemplate").add(slot("AMR")).add(slot("ENV"));
        p.putObject("matchingRules").put("distinctDepartments", true).put("avoidSameDistrict", true);
        p.set("relaxationLadder", strings("DROP_AVOID_SAME_DISTRICT", "USE_ASSIST_POOL"));
        ObjectNode doc = document(p);
        population(doc, new String[][]{{"T1", "", "D1"}, {"T2", "", "D1"}, {"T3", "", "D1"}, {"T4", "", "D1"}});
        roster(doc, new String[][]{
            {"A1", "AMR", "D2", "1", "0"}, {"A2", "AMR", "D1", "1", "0"}, {"A3", "AMR", "D3", "1", "1"},
            {"E1", "ENV", "D1", "1", "0"}, {"E2", "ENV", "D2", "1", "0"}}, new String[0][]);
        seedParts(doc, List.of("organizer"));
        return doc;
    }

    static ObjectNode recusalInput() {
        ObjectNode p = plan("ziyang-2026-joint-010", List.of("organizer", "discipline-office"));
        p.set("ratio", ratio(1, 2));
        p.put("officerCap", 1);
        p.putArray("teamTemplate").add(slot("LEAD")).add(slot("AGRI", "ENV"));
        ObjectNode doc = document(p);
        population(doc, new String[][]{{"R1", "", "D1"}, {"R2", "", "D1"}, {"R3", "", "D2"}, {"R4", "", "D2"}});
        roster(doc, new String[][]{
            {"L1", "LEAD", "D1", "1", "0"}, {"L2", "LEAD", "D2", "1", "0"}, {"L3", "LEAD", "D1", "1", "0"},
            {"V1", "ENV", "D1", "1", "0"}, {"V2", "ENV", "D2", "1", "0"}, {"G1", "AGRI", "D1", "1", "0"},
            {"G2", "AGRI", "D2", "1", "0"}}, new String[0][]);
        seedParts(doc, List.of("organizer", "discipline-office"));
        // The recusals depend on the drawn teams, so they are chosen from the draw (deterministically).
        DrawResult first = Draw.run(DrawInputParser.parse(DrawJson.canonical(doc)));
        DrawResult.Team t1 = first.teams().get(0);
        DrawResult.Team t2 = first.teams().get(1);
        ArrayNode rc = doc.putArray("recusals");
        rc.addObject().put("entityId", t1.entityId()).put("officerId", t1.slots().get(0).officerId()).put("slot", 1);
        DrawResult second = Draw.run(DrawInputParser.parse(DrawJson.canonical(doc)));
        rc.addObject().put("entityId", t1.entityId())
                .put("officerId", second.substitutions().get(0).substituteOfficerId()).put("slot", 1);
        rc.addObject().put("entityId", t2.entityId()).put("officerId", t2.slots().get(1).officerId()).put("slot", 2);
        return doc;
    }

    static ObjectNode lotteryInput() {
        ObjectNode p = plan("ziyang-2026-joint-011", List.of("organizer"));
        p.set("ratio", ratio(1, 2));
        p.put("officerCap", 1);
        p.putObject("randomness").put("source", "cwl-ssq").put("round", 2025006);
        p.putArray("teamTemplate").add(slot("AMR"));
        ObjectNode doc = document(p);
        population(doc, new String[][]{{"F1", "", "D1"}, {"F2", "", "D2"}, {"F3", "", "D1"}, {"F4", "", "D2"},
            {"F5", "", "D1"}, {"F6", "", "D2"}});
        roster(doc, new String[][]{{"M1", "AMR", "D1", "1", "0"}, {"M2", "AMR", "D2", "1", "0"},
            {"M3", "AMR", "D3", "1", "0"}}, new String[0][]);
        seedParts(doc, List.of("organizer"));
        doc.putObject("randomness").put("source", "cwl-ssq").put("round", 2025006).put("value", "01,07,08,17,20,22+06");
        return doc;
    }

    // ---------------------------------------------------------------- negatives

    private static final List<ObjectNode> NEG = new ArrayList<>();

    static void neg(String name, String desc, ObjectNode base, Consumer<ObjectNode> mutate) {
        ObjectNode doc = base.deepCopy();
        mutate.accept(doc);
        ObjectNode c = F.objectNode().put("name", name).put("desc", desc);
        c.set("input", doc);
        NEG.add(c);
    }

    static void negText(String name, String desc, String text) {
        NEG.add(F.objectNode().put("name", name).put("desc", desc).put("inputText", text));
    }

    static void negHex(String name, String desc, byte[] bytes) {
        NEG.add(F.objectNode().put("name", name).put("desc", desc).put("inputHex", Hex.encode(bytes)));
    }

    static ObjectNode at(JsonNode n, String pointer) {
        return (ObjectNode) n.at(pointer);
    }

    static ArrayNode arr(JsonNode n, String pointer) {
        return (ArrayNode) n.at(pointer);
    }

    static ArrayNode negatives() {
        NEG.clear();
        ObjectNode base = missingRevealInput();
        ObjectNode reg = workedInput();
        ObjectNode lot = lotteryInput();
        ObjectNode rec = recusalInput();
        // JSON syntax and value space
        negText("malformed-json", "truncated document", "{\"format\":\"drl-draw-input/1\",");
        negText("duplicate-key", "member name repeated", "{\"format\":\"drl-draw-input/1\",\"format\":\"x\"}");
        neg("float-not-allowed", "officerCap 2.0", base, d -> at(d, "/plan").put("officerCap", 2.0));
        neg("integer-out-of-range", "round 2^53", base, d -> at(d, "/plan/randomness").put("round", 1L << 53));
        negHex("invalid-utf8", "a byte 0xff inside a string", "{\"format\":\"drl\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1));
        negText("lone-surrogate", "escaped lone high surrogate in a party id",
                "{\"format\":\"drl-draw-input/1\",\"plan\":{\"parties\":[\"\\ud800\"]}}");
        negText("trailing-data", "a second value after the document", "{} {}");
        negText("too-deep", "nesting deeper than 128", "[".repeat(200) + "]".repeat(200));
        // shape
        neg("wrong-type", "taskId is a number", base, d -> at(d, "/plan").put("taskId", 7));
        neg("missing-field", "population absent", base, d -> d.remove("population"));
        neg("unknown-field", "an unknown plan member", base, d -> at(d, "/plan").put("seed", "x"));
        neg("conflicting-fields", "registry and frozen population both given", reg,
                d -> d.set("population", F.arrayNode()));
        neg("top-level-ratio-with-strata", "top-level ratio next to strata", base,
                d -> at(d, "/plan").set("ratio", ratio(1, 2)));
        neg("bad-format", "wrong document format", base, d -> d.put("format", "drl-draw-input/2"));
        neg("bad-algorithm", "wrong algorithm", base, d -> at(d, "/plan").put("algorithm", "drl-draw/2"));
        neg("empty-team-template", "no slots", base, d -> at(d, "/plan").putArray("teamTemplate"));
        neg("empty-parties", "no committing party", base, d -> at(d, "/plan").putArray("parties"));
        // identifiers
        neg("empty-identifier", "empty entity id", base, d -> at(d, "/population/2").put("entityId", ""));
        neg("identifier-too-long", "257-byte entity id", base,
                d -> at(d, "/population/2").put("entityId", "x".repeat(257)));
        neg("not-nfc", "entity id with a combining accent (NFD)", base,
                d -> at(d, "/population/3").put("entityId", "Cafe\u0301"));
        neg("control-character", "BEL in an entity id", base, d -> at(d, "/population/4").put("entityId", "B-\u0007"));
        neg("control-character-c1", "U+0085 (NEL) in a district", base,
                d -> at(d, "/population/4").put("district", "D\u0085"));
        neg("control-character-del", "DEL in an officer id", base,
                d -> at(d, "/roster/officers/0").put("officerId", "amr\u007f"));
        // values
        neg("bad-ratio", "num > den", base, d -> at(d, "/plan/strata/1/ratio").put("num", 3));
        neg("bad-ratio-zero-den", "den 0", base, d -> at(d, "/plan/strata/0/ratio").put("den", 0));
        neg("bad-bounds", "max below min", base, d -> at(d, "/plan/strata/1").put("max", 1));
        neg("bad-cap", "officer cap 0", base, d -> at(d, "/roster/officers/1").put("cap", 0));
        neg("bad-cap-plan", "officerCap 2^32", base, d -> at(d, "/plan").put("officerCap", 1L << 32));
        neg("bad-count", "negative inspection count", reg,
                d -> at(d, "/registry/inspectionCounts/1").put("count", -1));
        neg("bad-frequency-cap", "maxPerYear 0", reg,
                d -> at(d, "/plan/populationFilter/frequencyCap").put("maxPerYear", 0));
        neg("bad-date", "30 February", base, d -> at(d, "/plan/plannedDates").put("to", "2026-02-30"));
        neg("bad-date-range", "from after to", base, d -> at(d, "/plan/plannedDates").put("from", "2026-04-01"));
        neg("bad-instant", "deadline without zone", base, d -> at(d, "/plan").put("revealDeadline", "2026-03-01T08:00:00"));
        neg("bad-round", "drand round 0", base, d -> {
            at(d, "/plan/randomness").put("round", 0);
            at(d, "/randomness").put("round", 0);
        });
        neg("bad-round-lottery", "期号 without sequence number", lot, d -> {
            at(d, "/plan/randomness").put("round", 2025000);
            at(d, "/randomness").put("round", 2025000);
        });
        neg("bad-commitment", "31-byte commitment", base,
                d -> at(d, "/commitments/0").put("commitment", "00".repeat(31)));
        neg("bad-commitment-uppercase", "uppercase hex", base,
                d -> at(d, "/commitments/0").put("commitment", d.at("/commitments/0/commitment").asText().toUpperCase()));
        neg("bad-secret", "secret not hex", base, d -> at(d, "/reveals/0").put("secret", "zz".repeat(32)));
        neg("bad-signature", "47-byte drand signature", base,
                d -> at(d, "/randomness").put("signature", DRAND_123_SIGNATURE.substring(2)));
        neg("bad-randomness", "drand randomness of 31 bytes", base,
                d -> at(d, "/randomness").put("randomness", DRAND_123_RANDOMNESS.substring(2)));
        neg("bad-lottery-value", "red balls not ascending", lot,
                d -> at(d, "/randomness").put("value", "07,01,08,17,20,22+06"));
        neg("bad-lottery-value-range", "blue ball 17", lot,
                d -> at(d, "/randomness").put("value", "01,07,08,17,20,22+17"));
        // duplicates
        neg("duplicate-entity", "the same entity twice", base,
                d -> arr(d, "/population").add(d.at("/population/0").deepCopy()));
        neg("duplicate-entity-registry", "the same entity twice in the registry", reg,
                d -> arr(d, "/registry/entities").add(d.at("/registry/entities/5").deepCopy()));
        neg("duplicate-officer", "the same officer twice", base,
                d -> arr(d, "/roster/officers").add(d.at("/roster/officers/2").deepCopy()));
        neg("duplicate-conflict", "the same conflict twice", base,
                d -> arr(d, "/roster/conflicts").add(d.at("/roster/conflicts/0").deepCopy()));
        neg("duplicate-party", "a party listed twice", base, d -> arr(d, "/plan/parties").add("organizer"));
        neg("duplicate-stratum", "two strata named B", base, d -> at(d, "/plan/strata/1").put("stratum", "B"));
        neg("duplicate-value", "a department twice in a slot", base,
                d -> arr(d, "/plan/teamTemplate/1/allowedDepartments").add("ENV"));
        neg("duplicate-ladder-step", "a ladder step twice", base,
                d -> arr(d, "/plan/relaxationLadder").add("USE_ASSIST_POOL"));
        neg("duplicate-commitment", "two commitments of one party", base,
                d -> arr(d, "/commitments").add(d.at("/commitments/0").deepCopy()));
        neg("duplicate-reveal", "two reveals of one party", base,
                d -> arr(d, "/reveals").add(d.at("/reveals/0").deepCopy()));
        neg("duplicate-count", "two counts for one entity", reg,
                d -> arr(d, "/registry/inspectionCounts").add(d.at("/registry/inspectionCounts/0").deepCopy()));
        // references and cross-checks
        neg("unknown-stratum", "a record in stratum Z", base, d -> at(d, "/population/1").put("stratum", "Z"));
        neg("unknown-stratum-registry", "an admitted registry entity in stratum X", reg,
                d -> at(d, "/registry/entities/3").put("stratum", "X"));
        neg("unknown-entity", "a conflict naming an entity outside the population", base,
                d -> at(d, "/roster/conflicts/1").put("entityId", "B-99"));
        neg("unknown-entity-count", "an inspection count for an entity not in the registry", reg,
                d -> at(d, "/registry/inspectionCounts/0").put("entityId", "E99"));
        neg("unknown-officer", "a conflict naming an officer not on the roster", base,
                d -> at(d, "/roster/conflicts/1").put("officerId", "env-9"));
        neg("unknown-party", "a reveal from a party not in the plan", base,
                d -> at(d, "/reveals/0").put("partyId", "stranger"));
        neg("unknown-ladder-step", "an unknown ladder step", base,
                d -> arr(d, "/plan/relaxationLadder").add("DROP_DISTINCT_DEPARTMENTS"));
        neg("unknown-source", "an unknown randomness source", base, d -> {
            at(d, "/plan/randomness").put("source", "nist-beacon");
            at(d, "/randomness").put("source", "nist-beacon");
        });
        neg("missing-commitment", "a plan party without commitment", base, d -> arr(d, "/commitments").remove(1));
        neg("source-mismatch", "lottery record for a drand plan", base, d -> d.putObject("randomness")
                .put("source", "cwl-ssq").put("round", 2025006).put("value", "01,07,08,17,20,22+06"));
        neg("round-mismatch", "record for round 124, plan fixed 123", base,
                d -> at(d, "/randomness").put("round", 124));
        neg("randomness-mismatch", "randomness is not SHA-256(signature)", base,
                d -> at(d, "/randomness").put("randomness", "00" + DRAND_123_RANDOMNESS.substring(2)));
        neg("reveal-mismatch", "a secret that does not open the commitment", base, d -> {
            String s = d.at("/reveals/0/secret").asText();
            at(d, "/reveals/0").put("secret", (s.charAt(0) == '0' ? "1" : "0") + s.substring(1));
        });
        neg("bad-slot", "recusal of slot 3 in a 2-slot template", rec, d -> at(d, "/recusals/0").put("slot", 3));
        neg("recusal-not-on-team", "recusal of an officer who is not in that slot", rec,
                d -> at(d, "/recusals/2").put("officerId", "L3".equals(d.at("/recusals/0/officerId").asText())
                        ? "L2" : "L3"));
        neg("unknown-target", "recusal for an entity that was not drawn", rec, d -> {
            String drawn1 = d.at("/recusals/0/entityId").asText();
            String drawn2 = d.at("/recusals/2/entityId").asText();
            for (String e : List.of("R1", "R2", "R3", "R4")) {
                if (!e.equals(drawn1) && !e.equals(drawn2)) {
                    at(d, "/recusals/2").put("entityId", e);
                    return;
                }
            }
        });
        ArrayNode out = F.arrayNode();
        for (ObjectNode c : NEG) {
            out.add(withError(c));
        }
        return out;
    }

    /** Plain (not canonical) JSON text: negative inputs may hold floats or non-NFC text the canonical writer refuses. */
    static byte[] plainBytes(JsonNode n) {
        try {
            return new ObjectMapper().writeValueAsBytes(n);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final java.util.Map<String, String> RULE_OF = java.util.Map.of("invalid-utf8", "invalid-unicode",
            "lone-surrogate", "invalid-unicode", "top-level-ratio-with-strata", "conflicting-fields",
            "empty-team-template", "empty-list", "empty-parties", "empty-list");

    /** The rule a negative vector is meant to trigger: explicit, else the longest rule id its name starts with. */
    static String intendedRule(String name) {
        if (RULE_OF.containsKey(name)) {
            return RULE_OF.get(name);
        }
        String best = null;
        for (String r : DrawInputException.RULES) {
            if ((name.equals(r) || name.startsWith(r + "-")) && (best == null || r.length() > best.length())) {
                best = r;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no rule for negative " + name);
        }
        return best;
    }

    /** Runs the case and records the rule and pointer it fails with; refuses a negative that does not fail. */
    static ObjectNode withError(ObjectNode c) {
        byte[] bytes = c.has("input") ? plainBytes(c.get("input"))
                : c.has("inputText") ? c.get("inputText").asText().getBytes(StandardCharsets.UTF_8)
                : Hex.decode(c.get("inputHex").asText());
        try {
            DrawInput in = DrawInputParser.parse(bytes);
            try {
                Draw.run(in);
            } catch (DrawInputException e) {
                c.putObject("error").put("rule", e.rule()).put("where", e.where()).put("atDraw", true);
                return c;
            }
            throw new IllegalStateException("negative vector " + c.get("name") + " was accepted");
        } catch (DrawInputException e) {
            c.putObject("error").put("rule", e.rule()).put("where", e.where());
            return c;
        } finally {
            String want = intendedRule(c.get("name").asText());
            if (c.has("error") && !c.get("error").get("rule").asText().equals(want)) {
                throw new IllegalStateException("negative " + c.get("name") + " failed with "
                        + c.get("error") + ", intended " + want);
            }
        }
    }
}
