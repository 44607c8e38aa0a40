package org.drledger.query.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Links from an entry to other views. For a draw ("what did the registry look like when this draw ran?"): the
 * registries as of the freeze position the draw used ({@code asOfLeaf} of {@code DrawExecuted} /
 * {@code PopulationFrozen}), and for any entry the registries as of its own leaf.
 */
final class AuditLinks {
    private AuditLinks() {
    }

    static Map<String, String> of(AuditTrail.Row row, com.fasterxml.jackson.databind.JsonNode payload) {
        Map<String, String> links = new LinkedHashMap<>();
        if (payload != null && payload.hasNonNull("asOfLeaf")) {
            long asOf = payload.get("asOfLeaf").asLong();
            links.put("drawRegistryObjects", "/app/registries/objects?asOf=" + asOf);
            links.put("drawRegistryInspectors", "/app/registries/inspectors?asOf=" + asOf);
        }
        links.put("registryObjectsAtEntry", "/app/registries/objects?asOf=" + row.leafIndex());
        links.put("registryInspectorsAtEntry", "/app/registries/inspectors?asOf=" + row.leafIndex());
        if (row.taskId() != null) {
            links.put("taskTrail", "/app/audit?task=" + java.net.URLEncoder.encode(row.taskId(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return links;
    }
}
