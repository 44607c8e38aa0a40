package org.drledger.server.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.TestUsers;

/** The real list rows of {@code seeds/checklist-registration-items.json}, as request bodies. */
public final class SeedItems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SeedItems() {
    }

    /** Every seed item, in file order. */
    public static List<Map<String, Object>> all() {
        try (InputStream in = SeedItems.class.getResourceAsStream("/seeds/checklist-registration-items.json")) {
            Map<String, Object> file = JSON.readValue(in, new TypeReference<>() {
            });
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) file.get("items");
            return items.stream().map(i -> (Map<String, Object>) new LinkedHashMap<>(i)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Drafts {@code listId} as {@code department}'s list with every seed item (by its clerk) and publishes it as
     * version 1 (by its approver), through the REST API.
     */
    public static void publishList(Http http, String listId, String department, TestUsers.Credentials clerk,
                                   TestUsers.Credentials approver) {
        assertThat(http.post("/api/checklists", clerk, Map.of("listId", listId, "ownerDepartment", department,
                "kind", "DEPARTMENT", "title", "清单")).status()).isEqualTo(201);
        for (Map<String, Object> i : all()) {
            assertThat(http.post("/api/checklists/" + listId + "/items", clerk, i).status()).isEqualTo(200);
        }
        assertThat(http.post("/api/checklists/" + listId + "/publish", approver, null).status()).isEqualTo(200);
    }

    /** The seed item with this code, as a mutable copy. */
    public static Map<String, Object> item(String code) {
        return all().stream().filter(i -> code.equals(i.get("code"))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no seed item " + code));
    }

    /** A copy of {@code item} with {@code key} set (or removed, for null). */
    public static Map<String, Object> with(Map<String, Object> item, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(item);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return copy;
    }
}
