package org.drledger.query.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.core.entry.Commitments;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.registry.RegistryFold;
import org.drledger.query.projection.LedgerRecord;
import org.drledger.query.projection.Projection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The registries as versioned tables: each registry entry closes its stream's open version at its leaf and opens a
 * new one. Writes are buffered per page and flushed in two batches (close, then insert), so replaying a million
 * entries costs two batched statements per page rather than two round trips per entry.
 */
@Component
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
class RegistryProjection implements Projection {
    private static final String INSERT_OBJECT = "INSERT INTO qv_object_version (object_id, valid_from_leaf, "
            + "valid_to_leaf, entry_type, id_kind, id_warning, object_type, name, industry, district, address, status, "
            + "credit_commitment, registry_department, actor_department, actor_user, recorded_at, entry_hash) VALUES "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_INSPECTOR = "INSERT INTO qv_inspector_version (officer_id, valid_from_leaf, "
            + "valid_to_leaf, entry_type, department, name, certificate_no, certificate_expiry, specialties, "
            + "competent_items, district, status, assist_eligible, conflicts, id_card_commitment, phone_commitment, "
            + "actor_department, actor_user, recorded_at, entry_hash) VALUES "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final Buffer objects = new Buffer("qv_object_version", "object_id", INSERT_OBJECT);
    private final Buffer inspectors = new Buffer("qv_inspector_version", "officer_id", INSERT_INSPECTOR);
    private long lastLeaf = -1;

    RegistryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "registries";
    }

    @Override
    public List<String> tables() {
        return List.of("qv_object_version", "qv_inspector_version");
    }

    @Override
    public void apply(LedgerRecord r) {
        if (r.leafIndex() <= lastLeaf) {
            // a page rolled back and is replayed: what was buffered for it is void
            objects.clear();
            inspectors.clear();
        }
        lastLeaf = r.leafIndex();
        JsonNode p = r.payload();
        switch (r.eventType()) {
            case RegistryFold.OBJECT_REGISTERED, RegistryFold.OBJECT_REVISED -> objects.add(p.get("objectId").asText(),
                    r.leafIndex(), new Object[]{p.get("objectId").asText(), r.leafIndex(), null, r.eventType(),
                            text(p, "idKind"), text(p, "idWarning"), text(p, "objectType"), text(p, "name"),
                            text(p, "industry"), text(p, "district"), text(p, "address"), text(p, "status"),
                            commitment(p.get("creditRiskClass")), text(p, "registryDepartment"), r.department(),
                            r.user(), r.entry().timeText(), r.entryHash()});
            case RegistryFold.INSPECTOR_REGISTERED, RegistryFold.INSPECTOR_REVISED -> inspectors.add(
                    p.get("officerId").asText(), r.leafIndex(), new Object[]{p.get("officerId").asText(),
                            r.leafIndex(), null, r.eventType(), text(p, "department"), text(p, "name"),
                            text(p, "certificateNo"), text(p, "certificateExpiry"), array(p, "specialties"),
                            array(p, "competentItems"), text(p, "district"), text(p, "status"),
                            p.path("assistEligible").asBoolean(), array(p, "conflicts"),
                            commitment(p.get("idCardNo")), commitment(p.get("phone")), r.department(), r.user(),
                            r.entry().timeText(), r.entryHash()});
            default -> {
            }
        }
    }

    @Override
    public void endOfPage() {
        try {
            objects.flush(jdbc);
            inspectors.flush(jdbc);
        } finally {
            objects.clear();
            inspectors.clear();
        }
    }

    private static String text(JsonNode p, String field) {
        JsonNode n = p.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String array(JsonNode p, String field) {
        JsonNode n = p.get(field);
        return n == null || !n.isArray() ? "[]" : CanonicalJson.writeString(n);
    }

    /** The commitment hex of a confidential member (never its value, which the ledger does not hold). */
    private static String commitment(JsonNode n) {
        return Commitments.isCommitment(n) ? n.get(Commitments.FIELD).asText() : null;
    }

    /** One page's new versions of one registry, in leaf order. */
    private static final class Buffer {
        private final String table;
        private final String idColumn;
        private final String insert;
        private final List<Object[]> rows = new ArrayList<>();
        private final Map<String, Integer> lastRowOf = new HashMap<>();
        private final List<Object[]> closes = new ArrayList<>();

        Buffer(String table, String idColumn, String insert) {
            this.table = table;
            this.idColumn = idColumn;
            this.insert = insert;
        }

        void add(String id, long leaf, Object[] row) {
            Integer previous = lastRowOf.get(id);
            if (previous == null) {
                closes.add(new Object[]{leaf, id}); // the version open before this page, if any
            } else {
                rows.get(previous)[2] = leaf; // a version opened earlier in this page
            }
            lastRowOf.put(id, rows.size());
            rows.add(row);
        }

        void flush(JdbcTemplate jdbc) {
            if (!closes.isEmpty()) {
                jdbc.batchUpdate("UPDATE " + table + " SET valid_to_leaf = ? WHERE " + idColumn
                        + " = ? AND valid_to_leaf IS NULL", closes);
            }
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(insert, rows);
            }
        }

        void clear() {
            rows.clear();
            lastRowOf.clear();
            closes.clear();
        }
    }
}
