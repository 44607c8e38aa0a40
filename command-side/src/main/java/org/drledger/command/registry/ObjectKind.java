package org.drledger.command.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drledger.command.registry.Confidential.Secret;
import org.drledger.command.registry.RegistryCommands.RegisterInspectionObject;
import org.drledger.command.registry.RegistryCommands.ReviseInspectionObject;
import org.springframework.stereotype.Component;

/** The 检查对象名录库 for the REST layer and the CSV import. */
@Component
class ObjectKind implements RegistryKind<ObjectKind.ObjectDraft, ObjectState> {
    static final List<String> COLUMNS = List.of("objectId", "objectType", "name", "industry", "district", "address",
            "status", "creditRiskClass", "registryDepartment", "acceptLegacy");
    static final List<String> OPTIONAL = List.of("acceptLegacy");

    /**
     * A validated object: the candidate state (its risk-class commitment not yet resolved) and the plaintext class.
     */
    record ObjectDraft(ObjectState candidate, boolean acceptLegacy, Secret riskClass, String warning,
                       List<Violation> violations) implements RegistryKind.Draft {
        @Override
        public String id() {
            return candidate.objectId();
        }
    }

    private final RegistryTables tables;
    private final Confidential confidential;

    ObjectKind(RegistryTables tables, Confidential confidential) {
        this.tables = tables;
        this.confidential = confidential;
    }

    @Override
    public String name() {
        return "objects";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> optionalColumns() {
        return OPTIONAL;
    }

    /**
     * Validates an input. {@code riskClass}: the plaintext class (null or blank: not classified), or
     * {@link Secret#KEEP} handled by the caller.
     */
    ObjectDraft draft(String objectId, boolean acceptLegacy, String objectType, String name, String industry,
                      String district, String address, String status, String riskClass, boolean keepRiskClass,
                      String registryDepartment, List<Violation> violations) {
        ObjectRules.Identified id = ObjectRules.identify(violations, objectId, acceptLegacy);
        ObjectState s = ObjectRules.normalized(objectId, id == null ? null : id.idKind(),
                id == null ? null : id.idWarning(), objectType, name, industry, district, address, status, null,
                registryDepartment);
        ObjectRules.validate(violations, s);
        Secret secret = keepRiskClass ? Secret.KEEP : Secret.of(ObjectRules.riskClass(violations, riskClass));
        return new ObjectDraft(s, acceptLegacy, secret, id == null ? null : id.warningMessage(), violations);
    }

    @Override
    public ObjectDraft parse(String[] c) {
        List<Violation> violations = new ArrayList<>();
        boolean legacy = false;
        if (c[9] != null && !c[9].isBlank()) {
            Boolean b = InspectorRules.bool(violations, "acceptLegacy", c[9]);
            legacy = Boolean.TRUE.equals(b);
        }
        return draft(c[0], legacy, c[1], c[2], c[3], c[4], c[5], c[6], c[7], false, c[8], violations);
    }

    @Override
    public Map<String, ObjectState> current(Collection<String> ids) {
        return tables.objects(ids);
    }

    @Override
    public String departmentField() {
        return "registryDepartment";
    }

    @Override
    public String department(ObjectState state) {
        return state.registryDepartment();
    }

    @Override
    public Optional<Violation> authorize(ObjectDraft d, ObjectState current, Authorizer authorizer) {
        if (current != null && !current.registryDepartment().equals(d.candidate().registryDepartment())) {
            Optional<Violation> old = authorizer.check("registryDepartment", current.registryDepartment());
            if (old.isPresent()) {
                return old;
            }
        }
        return authorizer.check("registryDepartment", d.candidate().registryDepartment());
    }

    @Override
    public Change compare(ObjectDraft d, ObjectState current) {
        ObjectState c = d.candidate();
        Commitment resolved = confidential.resolve(d.riskClass(), current == null ? null : current.creditRiskClass());
        if (current == null) {
            return new Change(false, () -> new RegisterInspectionObject(c.objectId(), d.acceptLegacy(),
                    c.objectType(), c.name(), c.industry(), c.district(), c.address(), c.status(),
                    confidential.seal(d.riskClass(), resolved), c.registryDepartment()));
        }
        // a revision keeps the id's kind and warning as registered (the aggregate does the same)
        ObjectState next = new ObjectState(current.objectId(), current.idKind(), current.idWarning(), c.objectType(),
                c.name(), c.industry(), c.district(), c.address(), c.status(), resolved, c.registryDepartment());
        if (next.equals(current)) {
            return new Change(true, null);
        }
        return new Change(false, () -> new ReviseInspectionObject(c.objectId(), c.objectType(), c.name(),
                c.industry(), c.district(), c.address(), c.status(), confidential.seal(d.riskClass(), resolved),
                c.registryDepartment()));
    }

    @Override
    public void afterWriteBatch() {
        tables.keepPlannerStatisticsCurrent();
    }
}
