package org.drledger.command.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drledger.command.registry.Confidential.Secret;
import org.drledger.command.registry.RegistryCommands.RegisterInspector;
import org.drledger.command.registry.RegistryCommands.ReviseInspector;
import org.springframework.stereotype.Component;

/** The 执法检查人员名录库 for the REST layer and the CSV import. */
@Component
class InspectorKind implements RegistryKind<InspectorKind.InspectorDraft, InspectorState> {
    static final List<String> COLUMNS = List.of("officerId", "department", "name", "certificateNo",
            "certificateExpiry", "specialties", "competentItems", "district", "status", "assistEligible", "conflicts",
            "idCardNo", "phone");

    /** A validated officer: the candidate state (commitments not yet resolved) and the plaintext personal data. */
    record InspectorDraft(InspectorState candidate, Secret idCardNo, Secret phone, List<Violation> violations)
            implements RegistryKind.Draft {
        @Override
        public String id() {
            return candidate.officerId();
        }

        @Override
        public String warning() {
            return null;
        }
    }

    private final RegistryTables tables;
    private final Confidential confidential;

    InspectorKind(RegistryTables tables, Confidential confidential) {
        this.tables = tables;
        this.confidential = confidential;
    }

    @Override
    public String name() {
        return "inspectors";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> optionalColumns() {
        return List.of();
    }

    /**
     * Validates an input. {@code keepIdCardNo} / {@code keepPhone}: a REST revision that leaves the field out keeps
     * the current commitment.
     */
    InspectorDraft draft(String officerId, String department, String name, String certificateNo,
                         String certificateExpiry, List<String> specialties, List<String> competentItems,
                         String district, String status, boolean assistEligible, List<String> conflicts,
                         String idCardNo, boolean keepIdCardNo, String phone, boolean keepPhone,
                         List<Violation> violations) {
        InspectorRules.officerId(violations, officerId);
        Secret id = keepIdCardNo ? Secret.KEEP : Secret.of(InspectorRules.idCardNo(violations, idCardNo));
        Secret ph = keepPhone ? Secret.KEEP : Secret.of(InspectorRules.phone(violations, phone));
        InspectorState s = InspectorRules.normalized(officerId, department, name, certificateNo, certificateExpiry,
                specialties, competentItems, district, status, assistEligible, conflicts, null, null, violations);
        InspectorRules.validateFields(violations, s);
        return new InspectorDraft(s, id, ph, violations);
    }

    @Override
    public InspectorDraft parse(String[] c) {
        List<Violation> violations = new ArrayList<>();
        Boolean assist = InspectorRules.bool(violations, "assistEligible", c[9]);
        return draft(c[0], c[1], c[2], c[3], c[4], RegistryText.splitList(c[5]), RegistryText.splitList(c[6]), c[7],
                c[8], Boolean.TRUE.equals(assist), RegistryText.splitList(c[10]), c[11], false, c[12], false,
                violations);
    }

    @Override
    public Map<String, InspectorState> current(Collection<String> ids) {
        return tables.inspectors(ids);
    }

    @Override
    public String departmentField() {
        return "department";
    }

    @Override
    public String department(InspectorState state) {
        return state.department();
    }

    @Override
    public Optional<Violation> authorize(InspectorDraft d, InspectorState current, Authorizer authorizer) {
        if (current != null && !current.department().equals(d.candidate().department())) {
            Optional<Violation> old = authorizer.check("department", current.department());
            if (old.isPresent()) {
                return old;
            }
        }
        return authorizer.check("department", d.candidate().department());
    }

    @Override
    public Change compare(InspectorDraft d, InspectorState current) {
        InspectorState c = d.candidate();
        Commitment id = confidential.resolve(d.idCardNo(), current == null ? null : current.idCardNo());
        Commitment ph = confidential.resolve(d.phone(), current == null ? null : current.phone());
        if (current == null) {
            return new Change(false, () -> new RegisterInspector(c.officerId(), c.department(), c.name(),
                    c.certificateNo(), c.certificateExpiry(), c.specialties(), c.competentItems(), c.district(),
                    c.status(), c.assistEligible(), c.conflicts(), confidential.seal(d.idCardNo(), id),
                    confidential.seal(d.phone(), ph)));
        }
        InspectorState next = new InspectorState(c.officerId(), c.department(), c.name(), c.certificateNo(),
                c.certificateExpiry(), c.specialties(), c.competentItems(), c.district(), c.status(),
                c.assistEligible(), c.conflicts(), id, ph);
        if (next.equals(current)) {
            return new Change(true, null);
        }
        return new Change(false, () -> new ReviseInspector(c.officerId(), c.department(), c.name(),
                c.certificateNo(), c.certificateExpiry(), c.specialties(), c.competentItems(), c.district(),
                c.status(), c.assistEligible(), c.conflicts(), confidential.seal(d.idCardNo(), id),
                confidential.seal(d.phone(), ph)));
    }

    @Override
    public void afterWriteBatch() {
        tables.keepPlannerStatisticsCurrent();
    }
}
