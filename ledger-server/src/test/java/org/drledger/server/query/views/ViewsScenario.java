package org.drledger.server.query.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.drledger.server.query.views.ViewsYear.YEAR;
import static org.drledger.server.query.views.ViewsYear.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.drledger.command.actor.Role;
import org.drledger.command.sealer.MerkleStore;
import org.drledger.command.task.TaskFreeze;
import org.drledger.command.vault.Vault;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.draw.DrawPlan;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.registry.RegistryFold;
import org.drledger.query.projection.ProjectionRunner;
import org.drledger.query.projection.ViewDigests;
import org.drledger.query.registry.RegistryViews;
import org.drledger.server.plan.MutableClockConfiguration;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.LedgerReplay;
import org.drledger.server.testing.MutableClock;
import org.drledger.server.testing.ServerTestSupport;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The list, plan and registry views over a district's year ({@link ViewsYear}), written once and run on H2 and
 * PostgreSQL: every published version as signed, drafts only for their department, the plan's history in order, the
 * registry as of a task's freeze leaf recomputing the frozen population with the kernel, a later change leaving that
 * view alone, no confidential value on any public endpoint or page, and a rebuild giving the same rows.
 */
@Import(MutableClockConfiguration.class)
abstract class ViewsScenario extends ServerTestSupport {
    private static final Map<Class<?>, ViewsYear> YEARS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, JsonNode> AS_OF_BEFORE_REVISION = new ConcurrentHashMap<>();

    @Autowired
    MutableClock clock;
    @Autowired
    ProjectionRunner runner;
    @Autowired
    MerkleStore merkle;
    @Autowired
    RegistryViews registries;
    @Autowired
    ViewDigests digests;
    @Autowired
    Vault vault;
    @Autowired
    CryptoSuite suite;

    /** The year, run once per test class (and database). */
    ViewsYear year() {
        return YEARS.computeIfAbsent(getClass(), c -> {
            ViewsYear y = new ViewsYear();
            y.run(server(), clock);
            caughtUp();
            long leaf = y.frozen.get("asOfLeaf").asLong();
            AS_OF_BEFORE_REVISION.put(c, ok(http.get("/api/registries-view/objects?size=500&asOf=" + leaf, admin),
                    200));
            y.reviseAfterFreeze(server());
            caughtUp();
            return y;
        });
    }

    @Test
    void everyPublishedVersionIsShownAsSignedAndDraftsNeverPublicly() {
        ViewsYear y = year();
        JsonNode lists = ok(http.get("/api/public/checklists", null), 200);
        assertThat(lists.findValuesAsText("listId")).contains(y.market.list(), y.env.list(), y.joint);
        JsonNode market = ok(http.get("/api/public/checklists/" + y.market.list(), null), 200);
        assertThat(market.get("latestVersion").asInt()).isEqualTo(2);
        assertThat(market.get("versions")).hasSize(2);
        assertThat(market.has("unpublishedChanges")).isFalse();
        JsonNode v1 = ok(http.get("/api/public/checklists/" + y.market.list() + "/versions/1", null), 200);
        JsonNode v2 = ok(http.get("/api/public/checklists/" + y.market.list() + "/versions/2", null), 200);
        assertThat(v1.get("items").findValuesAsText("code")).containsExactly("A01-01", "A01-02", "A01-03");
        assertThat(v2.get("items").findValuesAsText("code")).containsExactly("A01-01", "A01-03");
        assertThat(v2.get("retired").get(0).get("code").asText()).isEqualTo("A01-02");
        assertThat(v2.get("retired").get(0).get("reason").asText()).isEqualTo("法律依据已废止");
        assertThat(v2.get("publishedBy").get("department").asText()).isEqualTo(y.market.id());
        assertThat(v2.get("leafIndex").asLong()).isGreaterThan(v1.get("leafIndex").asLong());
        assertThat(v2.get("publishedAt").asText()).startsWith("2022-12-01T");
        // the snapshot is the signed entry's payload, byte for byte
        List<LedgerReplay.Stored> ledger = ledger();
        LedgerReplay.Stored entry = ledger.stream().filter(s -> s.leaf() == v2.get("leafIndex").asLong()).findFirst()
                .orElseThrow();
        assertThat(entry.type()).isEqualTo("ChecklistPublished");
        assertThat(entry.signed().hashHex()).isEqualTo(v2.get("entryHash").asText());
        assertThat(CanonicalJson.writeString(v2.get("items"))).isEqualTo(CanonicalJson.writeString(entry.payload().get("items")));
        JsonNode diff = ok(http.get("/api/public/checklists/" + y.market.list() + "/diff?from=1&to=2", null), 200);
        assertThat(texts(diff.get("changed"))).containsExactly("A01-03");
        assertThat(texts(diff.get("retired"))).containsExactly("A01-02");
        assertThat(texts(diff.get("unchanged"))).containsExactly("A01-01");
        assertThat(http.get("/api/public/checklists/" + y.market.list() + "/versions/3", null).status())
                .isEqualTo(404);
        // the environment list's draft change is nowhere public
        for (String path : List.of("/api/public/checklists", "/api/public/checklists/" + y.env.list(),
                "/api/public/checklists/" + y.env.list() + "/versions/1", "/public/checklists",
                "/public/checklists/" + y.env.list())) {
            Http.Response r = http.get(path, null);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).doesNotContain(ViewsYear.DRAFT_ONLY_NAME);
        }
        String page = http.get("/public/checklists/" + y.market.list() + "?version=2", null).body();
        assertThat(page).contains("法律依据已废止", "id=\"diff\"", "A01-03", "版本记录");
        assertThat(http.get("/public/checklists/" + y.market.list() + "?lang=en", null).body())
                .contains("Version history", "Changes from version 1 to version 2");
    }

    @Test
    void draftsAreShownToTheOwningDepartmentAuditorsAndTheOfficeOnly() {
        ViewsYear y = year();
        String path = "/api/checklists-view/" + y.env.list();
        JsonNode own = ok(http.get(path, y.env.clerk()), 200);
        assertThat(own.get("draftVisible").asBoolean()).isTrue();
        assertThat(own.get("unpublishedChanges").asBoolean()).isTrue();
        assertThat(own.get("draft").toString()).contains(ViewsYear.DRAFT_ONLY_NAME);
        JsonNode auditor = ok(http.get(path, user(office, Role.AUDITOR)), 200);
        assertThat(auditor.get("draft").toString()).contains(ViewsYear.DRAFT_ONLY_NAME);
        JsonNode other = ok(http.get(path, y.market.clerk()), 200);
        assertThat(other.get("draftVisible").asBoolean()).isFalse();
        assertThat(other.has("draft")).isFalse();
        assertThat(other.toString()).doesNotContain(ViewsYear.DRAFT_ONLY_NAME);
        JsonNode all = ok(http.get("/api/checklists-view", y.market.clerk()), 200);
        assertThat(all.findValuesAsText("listId")).contains(y.env.list(), y.market.list(), y.joint);
        // a retired draft item keeps its retirement
        JsonNode market = ok(http.get("/api/checklists-view/" + y.market.list(), y.market.clerk()), 200);
        JsonNode retired = null;
        for (JsonNode d : market.get("draft")) {
            if (d.get("code").asText().equals("A01-02")) {
                retired = d;
            }
        }
        assertThat(retired).isNotNull();
        assertThat(retired.get("retired").asBoolean()).isTrue();
        assertThat(retired.get("retireReason").asText()).isEqualTo("法律依据已废止");
        assertThat(http.get("/api/checklists-view", null).status()).isEqualTo(401);
    }

    @Test
    void thePlanShowsSubmissionsWithLateFactsAndEveryAdjustmentInOrder() {
        ViewsYear y = year();
        JsonNode plan = ok(http.get("/api/plans-view/" + YEAR, y.market.clerk()), 200);
        JsonNode subs = plan.get("departmentPlans");
        assertThat(subs).hasSize(2);
        assertThat(subs.get(0).at("/payload/department").asText()).isEqualTo(y.market.id());
        assertThat(subs.get(0).get("late").asBoolean()).isFalse();
        assertThat(subs.get(1).at("/payload/department").asText()).isEqualTo(y.env.id());
        assertThat(subs.get(1).get("late").asBoolean()).isTrue();
        assertThat(subs.get(1).get("deadline").asText()).isEqualTo("2022-12-31");
        assertThat(plan.at("/approval/payload/document").asText()).isEqualTo("资政函〔2023〕3号");
        assertThat(plan.at("/publication/date").asText()).isEqualTo("2023-02-06");
        assertThat(plan.at("/filing/payload/filedWith").asText()).isEqualTo("资阳市市场监督管理局");
        JsonNode adj = plan.get("adjustments");
        assertThat(adj).hasSize(1);
        assertThat(adj.get(0).at("/payload/reason").asText()).isEqualTo("专项整治任务调整");
        assertThat(adj.get(0).at("/payload/window/from").asText()).isEqualTo("2023-03-25");
        assertThat(adj.get(0).at("/payload/window/to").asText()).isEqualTo("2023-03-31");
        assertThat(adj.get(0).at("/recorded/actorDepartment").asText()).isEqualTo(office);
        assertThat(ids(plan.get("batchesAsPublished"), "batchId"))
                .containsExactly(y.market.id() + "-01", y.env.id() + "-01", "joint-01");
        assertThat(ids(plan.get("batchesInForce"), "batchId"))
                .containsExactly(y.market.id() + "-01", "joint-01");
        List<Long> leaves = plan.get("timeline").findValues("leafIndex").stream().map(JsonNode::asLong).toList();
        assertThat(leaves).isSorted().hasSize(7);

        JsonNode pub = ok(http.get("/api/public/plans/" + YEAR, null), 200);
        assertThat(pub.has("departmentPlans")).isFalse();
        assertThat(pub.get("adjustments")).hasSize(1);
        assertThat(pub.at("/publication/deadline").asText()).isEqualTo("2023-02-10");
        assertThat(ok(http.get("/api/public/plans", null), 200).get("years").toString()).contains("2023");
        String page = http.get("/public/plans/" + YEAR, null).body();
        assertThat(page).contains("专项整治任务调整", "资政函〔2023〕3号", "joint-01", "2023 年度抽查工作计划");
        assertThat(http.get("/public/plans/" + YEAR + "?lang=en", null).body())
                .contains("Annual inspection plan 2023", "Adjustments", "2023-03-25 – 2023-03-31");
        assertThat(http.get("/api/public/plans/2031", null).status()).isEqualTo(404);
        assertThat(http.get("/api/plans-view/" + YEAR, null).status()).isEqualTo(401);
    }

    @Test
    void theRegistryAsOfTheFreezeLeafIsThePopulationTheTaskFroze() {
        ViewsYear y = year();
        long leaf = y.frozen.get("asOfLeaf").asLong();
        List<LedgerReplay.Stored> ledger = ledger();
        List<LedgerReplay.Stored> task = LedgerReplay.taskEntries(ledger, y.taskId);
        JsonNode recorded = LedgerReplay.one(task, "PopulationFrozen");
        assertThat(recorded.get("asOfLeaf").asLong()).isEqualTo(leaf);

        JsonNode objects = ok(http.get("/api/registries-view/objects?size=500&asOf=" + leaf, admin), 200);
        JsonNode inspectors = ok(http.get("/api/registries-view/inspectors?size=500&asOf=" + leaf, admin), 200);
        assertThat(objects.get("total").asLong()).isEqualTo(recorded.get("registryObjects").asLong()).isEqualTo(80);
        assertThat(inspectors.get("total").asLong()).isEqualTo(recorded.get("registryInspectors").asLong());
        assertThat(objects.at("/asOf/leaf").asLong()).isEqualTo(leaf);
        assertThat(objects.at("/asOf/lastChangeLeaf").asLong()).isLessThan(leaf);

        // the kernel freeze over the view's rows (in leaf order) gives the recorded hashes
        List<TaskFreeze.LedgerRecord> rows = new ArrayList<>();
        registries.allObjects(leaf).forEach(o -> rows.add(new TaskFreeze.LedgerRecord(o.validFromLeaf(),
                RegistryFold.OBJECT_REVISED, o.payload())));
        registries.allInspectors(leaf).forEach(i -> rows.add(new TaskFreeze.LedgerRecord(i.validFromLeaf(),
                RegistryFold.INSPECTOR_REVISED, i.payload())));
        rows.sort(Comparator.comparingLong(TaskFreeze.LedgerRecord::leafIndex));
        DrawPlan plan = DrawPlan.fromJson(LedgerReplay.one(task, "TaskPlanned").get("drawPlan"));
        TaskFreeze.Frozen f = TaskFreeze.compute(leaf, rows, plan, y.market.id(),
                c -> vault.open(c).map(JsonNode::asText));
        assertThat(f.popHash()).isEqualTo(recorded.get("popHash").asText()).isEqualTo(y.frozen.get("popHash").asText());
        assertThat(f.rosterHash()).isEqualTo(recorded.get("rosterHash").asText());
        assertThat(f.population().size()).isEqualTo(recorded.get("populationSize").asLong());
        assertThat(f.registryObjects()).isEqualTo(recorded.get("registryObjects").asLong());

        // the same fold straight from the ledger agrees object by object
        RegistryFold fold = new RegistryFold();
        ledger.stream().filter(s -> s.leaf() < leaf).forEach(s -> fold.accept(s.type(), s.payload()));
        assertThat(ids(objects.get("items"), "objectId")).containsExactlyElementsOf(fold.objects().keySet());
    }

    @Test
    void aLaterChangeDoesNotAlterTheAsOfView() {
        ViewsYear y = year();
        long leaf = y.frozen.get("asOfLeaf").asLong();
        JsonNode before = AS_OF_BEFORE_REVISION.get(getClass());
        JsonNode after = ok(http.get("/api/registries-view/objects?size=500&asOf=" + leaf, admin), 200);
        assertThat(after.get("items")).isEqualTo(before.get("items"));
        JsonNode then = ok(http.get("/api/registries-view/objects?asOf=" + leaf + "&q=" + y.revisedObject, admin), 200);
        assertThat(then.get("total").asLong()).isEqualTo(1);
        assertThat(then.at("/items/0/name").asText()).isEqualTo(y.revisedOldName);
        assertThat(then.at("/items/0/status").asText()).isEqualTo("ACTIVE");
        JsonNode now = ok(http.get("/api/registries-view/objects?q=" + y.revisedObject, admin), 200);
        assertThat(now.at("/items/0/name").asText()).isEqualTo(y.revisedNewName);
        assertThat(now.at("/items/0/status").asText()).isEqualTo("DEREGISTERED");
        assertThat(now.get("asOf").isNull()).isTrue();
        JsonNode history = ok(http.get("/api/registries-view/objects/" + y.revisedObject + "/history", admin), 200);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("validToLeaf").asLong()).isEqualTo(history.get(1).get("validFromLeaf").asLong())
                .isGreaterThanOrEqualTo(leaf);
        assertThat(history.get(1).get("validToLeaf").isNull()).isTrue();
        JsonNode search = ok(http.get("/api/registries-view/objects?q=更名后", admin), 200);
        assertThat(search.get("total").asLong()).isEqualTo(1);
        JsonNode entity = ok(http.get("/api/public/entities/" + y.revisedObject, null), 200);
        assertThat(entity.get("name").asText()).isEqualTo(y.revisedNewName);
    }

    @Test
    void noPublicEndpointOrPageShowsAConfidentialValue() {
        ViewsYear y = year();
        List<String> secrets = new ArrayList<>(y.idCards);
        secrets.addAll(y.phones);
        List<String> commitments = new ArrayList<>();
        registries.allObjects(Long.MAX_VALUE).forEach(o -> commitments.add(o.creditCommitment()));
        registries.allInspectors(Long.MAX_VALUE).forEach(i -> {
            commitments.add(i.idCardCommitment());
            commitments.add(i.phoneCommitment());
        });
        assertThat(commitments).doesNotContainNull().hasSize(80 + 2 * 10);
        List<String> publicPaths = new ArrayList<>(List.of("/public", "/public/checklists", "/public/plans",
                "/public/plans/" + YEAR, "/api/public/checklists", "/api/public/plans", "/api/public/plans/" + YEAR));
        for (String list : List.of(y.market.list(), y.env.list(), y.joint)) {
            publicPaths.add("/public/checklists/" + list);
            publicPaths.add("/api/public/checklists/" + list);
            publicPaths.add("/api/public/checklists/" + list + "/versions/1");
        }
        for (String e : y.entities) {
            publicPaths.add("/api/public/entities/" + e);
        }
        for (String path : publicPaths) {
            Http.Response r = http.get(path, null);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).doesNotContain(secrets).doesNotContain(commitments)
                    .doesNotContain("creditRiskClass", "idCardNo", "\"phone\"");
        }
        JsonNode entity = ok(http.get("/api/public/entities/" + y.entities.get(0), null), 200);
        assertThat(iterable(entity.fieldNames())).containsExactly("objectId", "idKind", "name", "objectType", "status");
        // supervisors see that a value is committed, never the value or the commitment
        TestUsers.Credentials auditor = user(office, Role.AUDITOR);
        for (String path : List.of("/api/registries-view/objects?size=500", "/api/registries-view/inspectors?size=500",
                "/api/registries-view/objects/" + y.revisedObject + "/history")) {
            Http.Response r = http.get(path, auditor);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).doesNotContain(secrets).doesNotContain(commitments);
        }
        JsonNode objects = ok(http.get("/api/registries-view/objects?size=500", auditor), 200);
        assertThat(objects.get("items").findValuesAsText("creditRiskClass")).hasSize(80)
                .containsOnly(RegistryViews.CONFIDENTIAL);
        JsonNode officers = ok(http.get("/api/registries-view/inspectors?size=500", auditor), 200);
        assertThat(officers.get("items").findValuesAsText("idCardNo")).hasSize(10)
                .containsOnly(RegistryViews.CONFIDENTIAL);
        assertThat(officers.get("items").findValuesAsText("phone")).containsOnly(RegistryViews.CONFIDENTIAL);
    }

    @Test
    void registryQueriesNeedALoginAndAValidPosition() {
        year();
        assertThat(http.get("/api/registries-view/objects", null).status()).isEqualTo(401);
        Http.Response negative = http.get("/api/registries-view/objects?asOf=-1", admin);
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.json().get("field").asText()).isEqualTo("asOf");
        Http.Response beyond = http.get("/api/registries-view/objects?asOf=" + (runner.logSize() + 5), admin);
        assertThat(beyond.status()).isEqualTo(422);
        assertThat(beyond.json().get("rule").asText()).isEqualTo("beyond-log");
        assertThat(http.get("/api/registries-view/objects?size=501", admin).json().get("rule").asText())
                .isEqualTo("size-range");
        assertThat(http.get("/api/registries-view/objects/nope/history", admin).status()).isEqualTo(404);
        assertThat(http.get("/api/public/entities/nope", null).status()).isEqualTo(404);
        JsonNode none = ok(http.get("/api/registries-view/objects?asOf=0", admin), 200);
        assertThat(none.get("total").asLong()).isZero();
    }

    @Test
    void rebuildingTheViewsGivesTheSameRows() {
        year();
        caughtUp();
        var mine = runner.projections().stream().filter(p -> List.of("checklists", "plans", "registries")
                .contains(p.name())).toList();
        assertThat(mine).hasSize(3);
        Map<String, String> before = digests.of(mine);
        runner.rebuild();
        assertThat(digests.of(mine)).isEqualTo(before);
    }

    private ViewsYear.Server server() {
        ViewsScenario self = this;
        return new ViewsYear.Server() {
            @Override
            public Http http() {
                return self.http;
            }

            @Override
            public TestUsers.Credentials admin() {
                return self.admin;
            }

            @Override
            public String office() {
                return self.office;
            }

            @Override
            public TestUsers.Credentials user(String department, Role... roles) {
                return self.user(department, roles);
            }

            @Override
            public String unique(String prefix) {
                return ServerTestSupport.unique(prefix);
            }
        };
    }

    /** Waits until every entry is sealed and every view reflects every leaf. */
    void caughtUp() {
        long n = events();
        await().atMost(Duration.ofSeconds(60)).until(() -> merkle.size() >= n);
        runner.catchUp();
        await().atMost(Duration.ofSeconds(60)).until(() -> runner.position() >= runner.logSize() - 1);
    }

    private List<LedgerReplay.Stored> ledger() {
        caughtUp();
        return LedgerReplay.read(jdbc, suite);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
