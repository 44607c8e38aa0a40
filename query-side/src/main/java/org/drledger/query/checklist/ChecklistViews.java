package org.drledger.query.checklist;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.drledger.command.actor.LedgerPrincipal;
import org.drledger.command.actor.Role;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.core.json.CanonicalJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads of the list views. Public reads see published versions only; drafts are shown to the owning department,
 * auditors and the office administrator.
 */
@Component
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
public class ChecklistViews {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    ChecklistViews(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** A list; {@code unpublishedChanges} is null where the reader may not see the draft. */
    public record ListSummary(String listId, String ownerDepartment, String kind, String title, long latestVersion,
                              Boolean unpublishedChanges) {
    }

    public record Actor(String department, String user) {
    }

    /** A published version: the signed snapshot's place in the log and who published it when. */
    public record VersionSummary(String listId, long version, long leafIndex, String entryHash, Actor publishedBy,
                                 String publishedAt, long itemCount, long retiredCount) {
    }

    /** A version as published: items (sorted by code) and items retired so far, exactly as signed. */
    public record VersionDetail(@JsonUnwrapped VersionSummary summary, String ownerDepartment, String kind, String title,
                                List<Map<String, Object>> items, List<Map<String, Object>> retired) {
    }

    public record DraftItem(String code, Map<String, Object> item, long revisedLeaf, boolean retired,
                            Long retiredLeaf, String retireReason) {
    }

    /** Differences between two published versions, by item code. */
    public record Diff(String listId, long from, long to, List<String> added, List<String> changed,
                       List<String> retired, List<String> unchanged) {
    }

    public static boolean seesDrafts(LedgerPrincipal p, String ownerDepartment) {
        return p != null && (p.has(Role.OFFICE_ADMIN) || p.has(Role.AUDITOR) || p.department().equals(ownerDepartment));
    }

    /** Lists with at least one published version (the public's lists). */
    public List<ListSummary> published() {
        return jdbc.query("SELECT list_id, owner_department, kind, title, latest_version FROM qv_checklist WHERE "
                + "latest_version > 0 ORDER BY kind, list_id", (rs, i) -> new ListSummary(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), null));
    }

    /** Every list the reader may see: published lists, and unpublished ones of the reader's scope. */
    public List<ListSummary> forSupervisor(LedgerPrincipal p) {
        List<ListSummary> out = new ArrayList<>();
        jdbc.query("SELECT list_id, owner_department, kind, title, latest_version, unpublished_changes FROM "
                + "qv_checklist ORDER BY kind, list_id", rs -> {
            boolean drafts = seesDrafts(p, rs.getString(2));
            if (drafts || rs.getLong(5) > 0) {
                out.add(new ListSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), drafts ? rs.getBoolean(6) : null));
            }
        });
        return out;
    }

    public Optional<ListSummary> list(String listId) {
        return jdbc.query("SELECT list_id, owner_department, kind, title, latest_version, unpublished_changes FROM "
                + "qv_checklist WHERE list_id = ?", (rs, i) -> new ListSummary(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getLong(5), rs.getBoolean(6)), listId).stream().findFirst();
    }

    public List<VersionSummary> versions(String listId) {
        return jdbc.query("SELECT list_id, version, leaf_index, entry_hash, actor_department, actor_user, "
                + "published_at, item_count, retired_count FROM qv_checklist_version WHERE list_id = ? ORDER BY "
                + "version", (rs, i) -> new VersionSummary(rs.getString(1), rs.getLong(2), rs.getLong(3),
                rs.getString(4), new Actor(rs.getString(5), rs.getString(6)), rs.getString(7), rs.getLong(8),
                rs.getLong(9)), listId);
    }

    public Optional<VersionDetail> version(String listId, long version) {
        return jdbc.query("SELECT list_id, version, leaf_index, entry_hash, actor_department, actor_user, "
                + "published_at, item_count, retired_count, snapshot FROM qv_checklist_version WHERE list_id = ? "
                + "AND version = ?", (rs, i) -> {
            VersionSummary s = new VersionSummary(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                    new Actor(rs.getString(5), rs.getString(6)), rs.getString(7), rs.getLong(8), rs.getLong(9));
            JsonNode snap = CanonicalJson.parse(rs.getString(10));
            return new VersionDetail(s, snap.path("ownerDepartment").asText(), snap.path("kind").asText(),
                    snap.path("title").asText(), maps(snap.path("items")), maps(snap.path("retired")));
        }, listId, version).stream().findFirst();
    }

    public List<DraftItem> draft(String listId) {
        return jdbc.query("SELECT code, item_json, revised_leaf, retired, retired_leaf, retire_reason FROM "
                + "qv_checklist_draft_item WHERE list_id = ? ORDER BY code", (rs, i) -> new DraftItem(rs.getString(1),
                map(CanonicalJson.parse(rs.getString(2))), rs.getLong(3), rs.getBoolean(4),
                (Long) rs.getObject(5, Long.class), rs.getString(6)), listId);
    }

    /** Added, changed, newly retired and unchanged codes from version {@code from} to version {@code to}. */
    public Optional<Diff> diff(String listId, long from, long to) {
        Optional<VersionDetail> a = version(listId, from);
        Optional<VersionDetail> b = version(listId, to);
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, Object>> before = byCode(a.get().items());
        Map<String, Map<String, Object>> after = byCode(b.get().items());
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (var e : after.entrySet()) {
            Map<String, Object> old = before.get(e.getKey());
            (old == null ? added : old.equals(e.getValue()) ? unchanged : changed).add(e.getKey());
        }
        TreeSet<String> retired = new TreeSet<>(before.keySet());
        retired.removeAll(after.keySet());
        return Optional.of(new Diff(listId, from, to, added, changed, List.copyOf(retired), unchanged));
    }

    private static Map<String, Map<String, Object>> byCode(List<Map<String, Object>> items) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        for (Map<String, Object> i : items) {
            out.put(String.valueOf(i.get("code")), i);
        }
        return out;
    }

    private List<Map<String, Object>> maps(JsonNode array) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(map(n));
        }
        return out;
    }

    private Map<String, Object> map(JsonNode n) {
        return new LinkedHashMap<>(mapper.convertValue(n, MAP));
    }
}
