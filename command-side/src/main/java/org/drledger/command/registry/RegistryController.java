package org.drledger.command.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.support.CommandRefusedException;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two registries (两库), one record at a time. Confidential fields are sent in plaintext over the (TLS) request
 * and leave it only as commitments; reads show the commitments. In a revision (complete state), leaving a
 * confidential field out keeps it as it is and an empty string clears it.
 */
@RestController
@RequestMapping("/api/registries")
@Tag(name = "Registries")
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
class RegistryController {
    static final int MAX_PAGE = 1000;

    private final RegistryService service;
    private final ObjectKind objects;
    private final InspectorKind inspectors;
    private final RegistryTables tables;
    private final AccessPolicy access;

    RegistryController(RegistryService service, ObjectKind objects, InspectorKind inspectors, RegistryTables tables,
                       AccessPolicy access) {
        this.service = service;
        this.objects = objects;
        this.inspectors = inspectors;
        this.tables = tables;
        this.access = access;
    }

    record ObjectBody(String objectId, Boolean acceptLegacy, String objectType, String name, String industry,
                      String district, String address, String status, String creditRiskClass,
                      String registryDepartment) {
        @Override
        public String toString() {
            return "ObjectBody[" + objectId + "]";
        }
    }

    record InspectorBody(String officerId, String department, String name, String certificateNo,
                         String certificateExpiry, List<String> specialties, List<String> competentItems,
                         String district, String status, Boolean assistEligible, List<String> conflicts,
                         String idCardNo, String phone) {
        @Override
        public String toString() {
            return "InspectorBody[" + officerId + "]";
        }
    }

    @PostMapping("/objects")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an inspection object (clerk or approver of its registry department); "
            + "creditRiskClass A-D is confidential and stored as a commitment")
    Map<String, Object> registerObject(@RequestBody ObjectBody b) {
        String id = b.objectId();
        if ((id == null || id.isBlank()) && b.objectType() != null) {
            ObjectRules.ObjectType t = ObjectRules.ObjectType.find(b.objectType().strip());
            if (t != null && !t.market) {
                id = ObjectRules.OTHER_PREFIX + UUID.randomUUID(); // products, projects, conduct: the server names them
            }
        }
        ObjectKind.ObjectDraft d = objects.draft(id, Boolean.TRUE.equals(b.acceptLegacy()), b.objectType(), b.name(),
                b.industry(), b.district(), b.address(), b.status(), b.creditRiskClass(), false,
                b.registryDepartment(), new ArrayList<>());
        service.register(objects, d);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("objectId", d.id());
        out.put("idKind", d.candidate().idKind());
        out.put("idWarning", d.candidate().idWarning());
        out.put("warning", d.warning());
        return out;
    }

    @PutMapping("/objects/{objectId}")
    @Operation(summary = "Revise an inspection object: its complete new state (a state equal to the current one "
            + "writes nothing)")
    Map<String, Object> reviseObject(@PathVariable String objectId, @RequestBody ObjectBody b) {
        sameId("objectId", objectId, b.objectId());
        ObjectKind.ObjectDraft d = objects.draft(objectId, true, b.objectType(), b.name(), b.industry(),
                b.district(), b.address(), b.status(), b.creditRiskClass(), b.creditRiskClass() == null,
                b.registryDepartment(), new ArrayList<>());
        boolean changed = service.revise(objects, objectId, d);
        return Map.of("objectId", objectId, "changed", changed);
    }

    @GetMapping("/objects/{objectId}")
    @Operation(summary = "An inspection object's current state (confidential fields as commitments)")
    ObjectState object(@PathVariable String objectId) {
        access.current();
        return tables.object(objectId).orElseThrow(() -> new AggregateNotFoundException(objectId, "no object"));
    }

    @GetMapping("/objects")
    @Operation(summary = "Inspection objects by id, optionally of one registry department")
    List<ObjectState> objects(@RequestParam(required = false) String department,
                              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        access.current();
        pageOf(page, size);
        return tables.objectsOf(department, page * size, size);
    }

    @PostMapping("/inspectors")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an inspector (clerk or approver of the inspector's department); the ID-card "
            + "number and phone are stored as commitments")
    Map<String, Object> registerInspector(@RequestBody InspectorBody b) {
        InspectorKind.InspectorDraft d = inspectorDraft(b.officerId(), b, false);
        service.register(inspectors, d);
        return Map.of("officerId", d.id());
    }

    @PutMapping("/inspectors/{officerId}")
    @Operation(summary = "Revise an inspector: the complete new state, with declared conflicts of interest")
    Map<String, Object> reviseInspector(@PathVariable String officerId, @RequestBody InspectorBody b) {
        sameId("officerId", officerId, b.officerId());
        boolean changed = service.revise(inspectors, officerId, inspectorDraft(officerId, b, true));
        return Map.of("officerId", officerId, "changed", changed);
    }

    @GetMapping("/inspectors/{officerId}")
    @Operation(summary = "An inspector's current state (ID-card number and phone as commitments)")
    InspectorState inspector(@PathVariable String officerId) {
        access.current();
        return tables.inspector(officerId).orElseThrow(() -> new AggregateNotFoundException(officerId,
                "no inspector"));
    }

    @GetMapping("/inspectors")
    @Operation(summary = "Inspectors by id, optionally of one department")
    List<InspectorState> inspectors(@RequestParam(required = false) String department,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "100") int size) {
        access.current();
        pageOf(page, size);
        return tables.inspectorsOf(department, page * size, size);
    }

    private InspectorKind.InspectorDraft inspectorDraft(String officerId, InspectorBody b, boolean revision) {
        return inspectors.draft(officerId, b.department(), b.name(), b.certificateNo(), b.certificateExpiry(),
                b.specialties(), b.competentItems(), b.district(), b.status(), Boolean.TRUE.equals(b.assistEligible()),
                b.conflicts(), b.idCardNo(), revision && b.idCardNo() == null, b.phone(),
                revision && b.phone() == null, new ArrayList<>());
    }

    private static void sameId(String field, String path, String body) {
        if (body != null && !body.equals(path)) {
            throw new CommandRefusedException(field, "id-mismatch", field + " in the body differs from the path");
        }
    }

    private static void pageOf(int page, int size) {
        if (page < 0) {
            throw new CommandRefusedException("page", "out-of-range", "page is 0 or more");
        }
        if (size < 1 || size > MAX_PAGE) {
            throw new CommandRefusedException("size", "out-of-range", "size is 1 to " + MAX_PAGE);
        }
    }
}
