package org.drledger.query.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.query.registry.RegistryViews.InspectorRow;
import org.drledger.query.registry.RegistryViews.ObjectRow;
import org.drledger.query.registry.RegistryViews.Page;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Registry views as JSON: for signed-in users the registries now or as of a leaf, and an object's or officer's
 * versions; for the public only an entity's public registry facts (name, type, status).
 */
@RestController
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
class RegistryApi {
    private final RegistryViews views;
    private final RegistryQueries queries;
    private final AccessPolicy access;

    RegistryApi(RegistryViews views, RegistryQueries queries, AccessPolicy access) {
        this.views = views;
        this.queries = queries;
        this.access = access;
    }

    @GetMapping("/api/registries-view/objects")
    Page<ObjectRow> objects(@RequestParam(required = false) Long asOf, @RequestParam(required = false) String q,
                            @RequestParam(required = false) String department,
                            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        access.current();
        return views.objects(queries.asOf(asOf), q, department, RegistryQueries.page(page), RegistryQueries.size(size));
    }

    @GetMapping("/api/registries-view/inspectors")
    Page<InspectorRow> inspectors(@RequestParam(required = false) Long asOf, @RequestParam(required = false) String q,
                                  @RequestParam(required = false) String department,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        access.current();
        return views.inspectors(queries.asOf(asOf), q, department, RegistryQueries.page(page),
                RegistryQueries.size(size));
    }

    @GetMapping("/api/registries-view/objects/{objectId}/history")
    List<ObjectRow> objectHistory(@PathVariable String objectId) {
        access.current();
        List<ObjectRow> h = views.objectHistory(objectId);
        if (h.isEmpty()) {
            throw notFound(objectId);
        }
        return h;
    }

    @GetMapping("/api/registries-view/inspectors/{officerId}/history")
    List<InspectorRow> inspectorHistory(@PathVariable String officerId) {
        access.current();
        List<InspectorRow> h = views.inspectorHistory(officerId);
        if (h.isEmpty()) {
            throw notFound(officerId);
        }
        return h;
    }

    /** The public registry facts of an entity: id, name, type and status (企业信息公示); nothing confidential. */
    @GetMapping("/api/public/entities/{objectId}")
    Map<String, Object> publicEntity(@PathVariable String objectId) {
        ObjectRow o = views.currentObject(objectId).orElseThrow(() -> notFound(objectId));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("objectId", o.objectId());
        out.put("idKind", o.idKind());
        out.put("name", o.name());
        out.put("objectType", o.objectType());
        out.put("status", o.status());
        return out;
    }

    static ResponseStatusException notFound(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no registry record " + id);
    }
}
