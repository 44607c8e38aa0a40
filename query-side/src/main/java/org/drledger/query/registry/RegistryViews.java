package org.drledger.query.registry;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.drledger.command.sealer.CheckpointStore;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.core.entry.Commitments;
import org.drledger.core.json.CanonicalJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads of the versioned registry tables: the current registry or the registry as of leaf {@code L} (the state after
 * every entry before leaf {@code L}: what a task frozen at {@code L} saw), one indexed query per page. Confidential
 * members are never returned: a committed value shows as {@link #CONFIDENTIAL}.
 */
@Component
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
public class RegistryViews {
    /** How a confidential member appears in every view: that it exists, never its value. */
    public static final String CONFIDENTIAL = "confidential (committed)";
    static final int MAX_PAGE_SIZE = 500;

    private static final String OBJECT_COLUMNS = "object_id, valid_from_leaf, valid_to_leaf, entry_type, id_kind, "
            + "id_warning, object_type, name, industry, district, address, status, credit_commitment, "
            + "registry_department, actor_department, actor_user, recorded_at, entry_hash";
    private static final String INSPECTOR_COLUMNS = "officer_id, valid_from_leaf, valid_to_leaf, entry_type, "
            + "department, name, certificate_no, certificate_expiry, specialties, competent_items, district, status, "
            + "assist_eligible, conflicts, id_card_commitment, phone_commitment, actor_department, actor_user, "
            + "recorded_at, entry_hash";

    private final JdbcTemplate jdbc;
    private final CheckpointStore checkpoints;

    RegistryViews(JdbcTemplate jdbc, CheckpointStore checkpoints) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
    }

    /** The entry that opened a version. */
    public record Recorded(String entryType, String actorDepartment, String actorUser, String recordedAt,
                           String entryHash) {
    }

    public record ObjectRow(String objectId, String idKind, String idWarning, String objectType, String name,
                            String industry, String district, String address, String status, String creditRiskClass,
                            String registryDepartment, long validFromLeaf, Long validToLeaf, Recorded recorded,
                            @JsonIgnore String creditCommitment) {
        /** The kernel's payload form of this version (commitments, never values), for RegistryFold and the freeze. */
        public ObjectNode payload() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("objectId", objectId).put("idKind", idKind).put("idWarning", idWarning).put("objectType", objectType)
                    .put("name", name).put("industry", industry).put("district", district).put("address", address)
                    .put("status", status).put("registryDepartment", registryDepartment);
            o.set("creditRiskClass", commitment(creditCommitment));
            return o;
        }
    }

    public record InspectorRow(String officerId, String department, String name, String certificateNo,
                               String certificateExpiry, List<String> specialties, List<String> competentItems,
                               String district, String status, boolean assistEligible, List<String> conflicts,
                               String idCardNo, String phone, long validFromLeaf, Long validToLeaf, Recorded recorded,
                               @JsonIgnore String idCardCommitment, @JsonIgnore String phoneCommitment) {
        public ObjectNode payload() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("officerId", officerId).put("department", department).put("name", name)
                    .put("certificateNo", certificateNo).put("certificateExpiry", certificateExpiry);
            o.set("specialties", strings(specialties));
            o.set("competentItems", strings(competentItems));
            o.put("district", district).put("status", status).put("assistEligible", assistEligible);
            o.set("conflicts", strings(conflicts));
            o.set("idCardNo", commitment(idCardCommitment));
            o.set("phone", commitment(phoneCommitment));
            return o;
        }
    }

    /** The position a view shows: the leaf, the first checkpoint that covers it, and the last registry change. */
    public record AsOf(long leaf, Long checkpointTreeSize, Instant checkpointSignedAt, Long lastChangeLeaf,
                       String lastChangeAt) {
    }

    public record Page<T>(AsOf asOf, String q, String department, long total, int page, int size, List<T> items) {
    }

    public AsOf asOf(long leaf, String table) {
        var cp = checkpoints.firstCovering(leaf);
        List<Object[]> last = jdbc.query("SELECT valid_from_leaf, recorded_at FROM " + table + " WHERE valid_from_leaf "
                + "= (SELECT MAX(valid_from_leaf) FROM " + table + " WHERE valid_from_leaf < ?)",
                (rs, i) -> new Object[]{rs.getLong(1), rs.getString(2)}, leaf);
        return new AsOf(leaf, cp.map(CheckpointStore.StoredCheckpoint::treeSize).orElse(null),
                cp.map(c -> Instant.ofEpochSecond(c.signedAt())).orElse(null),
                last.isEmpty() ? null : (Long) last.get(0)[0], last.isEmpty() ? null : (String) last.get(0)[1]);
    }

    /** Objects as of {@code asOf} (null: now), filtered by id prefix or name and by registry department. */
    public Page<ObjectRow> objects(Long asOf, String q, String department, int page, int size) {
        Where w = where(asOf, q, "object_id", "registry_department", department);
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM qv_object_version WHERE " + w.sql, Long.class,
                w.args.toArray());
        List<Object> args = new ArrayList<>(w.args);
        args.add(size);
        args.add((long) page * size);
        List<ObjectRow> items = jdbc.query("SELECT " + OBJECT_COLUMNS + " FROM qv_object_version WHERE " + w.sql
                + " ORDER BY object_id LIMIT ? OFFSET ?", RegistryViews::object, args.toArray());
        if (asOf != null) {
            items = items.stream().map(RegistryViews::asOfView).toList();
        }
        return new Page<>(asOf == null ? null : asOf(asOf, "qv_object_version"), q, department, total, page, size,
                items);
    }

    public Page<InspectorRow> inspectors(Long asOf, String q, String department, int page, int size) {
        Where w = where(asOf, q, "officer_id", "department", department);
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM qv_inspector_version WHERE " + w.sql, Long.class,
                w.args.toArray());
        List<Object> args = new ArrayList<>(w.args);
        args.add(size);
        args.add((long) page * size);
        List<InspectorRow> items = jdbc.query("SELECT " + INSPECTOR_COLUMNS + " FROM qv_inspector_version WHERE "
                + w.sql + " ORDER BY officer_id LIMIT ? OFFSET ?", RegistryViews::inspector, args.toArray());
        if (asOf != null) {
            items = items.stream().map(RegistryViews::asOfView).toList();
        }
        return new Page<>(asOf == null ? null : asOf(asOf, "qv_inspector_version"), q, department, total, page, size,
                items);
    }

    /** Every object as of {@code asOf} (in id order), for recomputing a freeze; not for the web. */
    public List<ObjectRow> allObjects(long asOf) {
        return jdbc.query("SELECT " + OBJECT_COLUMNS + " FROM qv_object_version WHERE valid_from_leaf < ? AND "
                + "(valid_to_leaf IS NULL OR valid_to_leaf >= ?) ORDER BY object_id", RegistryViews::object, asOf, asOf);
    }

    public List<InspectorRow> allInspectors(long asOf) {
        return jdbc.query("SELECT " + INSPECTOR_COLUMNS + " FROM qv_inspector_version WHERE valid_from_leaf < ? AND "
                + "(valid_to_leaf IS NULL OR valid_to_leaf >= ?) ORDER BY officer_id", RegistryViews::inspector, asOf,
                asOf);
    }

    public List<ObjectRow> objectHistory(String objectId) {
        return jdbc.query("SELECT " + OBJECT_COLUMNS + " FROM qv_object_version WHERE object_id = ? ORDER BY "
                + "valid_from_leaf", RegistryViews::object, objectId);
    }

    public List<InspectorRow> inspectorHistory(String officerId) {
        return jdbc.query("SELECT " + INSPECTOR_COLUMNS + " FROM qv_inspector_version WHERE officer_id = ? ORDER BY "
                + "valid_from_leaf", RegistryViews::inspector, officerId);
    }

    public Optional<ObjectRow> currentObject(String objectId) {
        return jdbc.query("SELECT " + OBJECT_COLUMNS + " FROM qv_object_version WHERE object_id = ? AND valid_to_leaf "
                + "IS NULL", RegistryViews::object, objectId).stream().findFirst();
    }

    /*
     * As of a position, a version's end lies after that position: it is the future, and showing it would make the
     * view of a past position change with later entries. The history shows where each version ended.
     */
    private static ObjectRow asOfView(ObjectRow o) {
        return new ObjectRow(o.objectId(), o.idKind(), o.idWarning(), o.objectType(), o.name(), o.industry(),
                o.district(), o.address(), o.status(), o.creditRiskClass(), o.registryDepartment(), o.validFromLeaf(),
                null, o.recorded(), o.creditCommitment());
    }

    private static InspectorRow asOfView(InspectorRow i) {
        return new InspectorRow(i.officerId(), i.department(), i.name(), i.certificateNo(), i.certificateExpiry(),
                i.specialties(), i.competentItems(), i.district(), i.status(), i.assistEligible(), i.conflicts(),
                i.idCardNo(), i.phone(), i.validFromLeaf(), null, i.recorded(), i.idCardCommitment(),
                i.phoneCommitment());
    }

    private record Where(String sql, List<Object> args) {
    }

    private static Where where(Long asOf, String q, String idColumn, String deptColumn, String department) {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        if (asOf == null) {
            sql.append("valid_to_leaf IS NULL");
        } else {
            sql.append("valid_from_leaf < ? AND (valid_to_leaf IS NULL OR valid_to_leaf >= ?)");
            args.add(asOf);
            args.add(asOf);
        }
        if (q != null && !q.isBlank()) {
            String like = q.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            sql.append(" AND (").append(idColumn).append(" LIKE ? ESCAPE '\\' OR LOWER(name) LIKE ? ESCAPE '\\')");
            args.add(q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            args.add("%" + like + "%");
        }
        if (department != null && !department.isBlank()) {
            sql.append(" AND ").append(deptColumn).append(" = ?");
            args.add(department);
        }
        return new Where(sql.toString(), args);
    }

    private static ObjectRow object(ResultSet rs, int i) throws SQLException {
        String credit = rs.getString(13);
        return new ObjectRow(rs.getString(1), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                credit == null ? null : CONFIDENTIAL, rs.getString(14), rs.getLong(2), (Long) rs.getObject(3, Long.class),
                new Recorded(rs.getString(4), rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18)),
                credit);
    }

    private static InspectorRow inspector(ResultSet rs, int i) throws SQLException {
        String idCard = rs.getString(15);
        String phone = rs.getString(16);
        return new InspectorRow(rs.getString(1), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                list(rs.getString(9)), list(rs.getString(10)), rs.getString(11), rs.getString(12), rs.getBoolean(13),
                list(rs.getString(14)), idCard == null ? null : CONFIDENTIAL, phone == null ? null : CONFIDENTIAL,
                rs.getLong(2), (Long) rs.getObject(3, Long.class),
                new Recorded(rs.getString(4), rs.getString(17), rs.getString(18), rs.getString(19), rs.getString(20)),
                idCard, phone);
    }

    private static List<String> list(String json) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : CanonicalJson.parse(json)) {
            out.add(n.asText());
        }
        return out;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        values.forEach(a::add);
        return a;
    }

    private static JsonNode commitment(String hex) {
        return hex == null ? JsonNodeFactory.instance.nullNode()
                : JsonNodeFactory.instance.objectNode().put(Commitments.FIELD, hex);
    }
}
