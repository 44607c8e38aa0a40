package org.drledger.command.registry;

import java.util.List;
import java.util.regex.Pattern;
import org.drledger.core.uscc.LegacyRegNo;
import org.drledger.core.uscc.LegacyRegNoResult;
import org.drledger.core.uscc.LegacyRegNoStatus;
import org.drledger.core.uscc.Uscc;
import org.drledger.core.uscc.UsccResult;

/**
 * The rules of the 检查对象名录库, used alike by the aggregate, the REST layer and the CSV import.
 *
 * <p>Object ids. Market entities are keyed by their USCC (kernel {@link Uscc}), or by a 15-digit 注册号 (kernel
 * {@link LegacyRegNo}) when they never got one; products, projects and conduct by {@code obj-…}. USCC outcomes:
 * VALID accepted; ORGANIZATION_CODE_MISMATCH and LEGACY_ALLOWLISTED accepted with {@code idWarning} (the code may be
 * real: warn, don't reject); CHECK_CHARACTER_MISMATCH refused as probably mistyped, unless the caller marks the
 * row {@code acceptLegacy} (it vouches the code is real), then accepted with {@code idWarning} and the caller
 * recorded as the entry's actor; MALFORMED refused. A 注册号 whose check digit fails is treated the same way.
 */
final class ObjectRules {
    enum ObjectType {
        ENTERPRISE(true), INDIVIDUAL_BUSINESS(true), FARMER_COOPERATIVE(true), FOREIGN_REP_OFFICE(true),
        PRODUCT(false), PROJECT(false), CONDUCT(false);

        final boolean market;

        ObjectType(boolean market) {
            this.market = market;
        }

        static ObjectType find(String name) {
            for (ObjectType t : values()) {
                if (t.name().equals(name)) {
                    return t;
                }
            }
            return null;
        }
    }

    enum ObjectStatus { ACTIVE, DEREGISTERED, REVOKED, CLOSED }

    enum IdKind { USCC, LEGACY_REG_NO, OTHER }

    /** 企业信用风险分类 (国市监信发〔2022〕6号): A low, B general, C higher, D high. */
    enum RiskClass { A, B, C, D }

    static final String OTHER_PREFIX = "obj-";
    static final Pattern OTHER_ID = Pattern.compile("obj-[A-Za-z0-9][A-Za-z0-9._-]{0,119}");

    /**
     * An accepted id: its kind, the warning status (or null) and a message for people (or null) that starts with the
     * warning status.
     */
    record Identified(String idKind, String idWarning, String warningMessage) {
    }

    private ObjectRules() {
    }

    /** Classifies an object id; adds a violation and returns null when it is refused. */
    static Identified identify(List<Violation> out, String objectId, boolean acceptLegacy) {
        if (objectId == null || objectId.isEmpty()) {
            out.add(new Violation("objectId", "required", "objectId is required"));
            return null;
        }
        if (objectId.startsWith(OTHER_PREFIX)) {
            if (!OTHER_ID.matcher(objectId).matches()) {
                out.add(new Violation("objectId", "obj-id-format", "an id of a product, project or conduct is "
                        + "obj- followed by 1 to 120 letters, digits, '.', '_' or '-' (starting with a letter or digit)"));
                return null;
            }
            return new Identified(IdKind.OTHER.name(), null, null);
        }
        if (objectId.length() == LegacyRegNo.LENGTH && objectId.chars().allMatch(c -> c >= '0' && c <= '9')) {
            LegacyRegNoResult r = LegacyRegNo.validate(objectId);
            if (r.status() == LegacyRegNoStatus.VALID) {
                return new Identified(IdKind.LEGACY_REG_NO.name(), null, null);
            }
            if (r.status() == LegacyRegNoStatus.CHECK_DIGIT_MISMATCH && acceptLegacy) {
                return new Identified(IdKind.LEGACY_REG_NO.name(), r.status().name(),
                        r.status().name() + ": " + r.reason() + "; accepted as a legacy number because the row is marked acceptLegacy");
            }
            out.add(new Violation("objectId", r.status() == LegacyRegNoStatus.CHECK_DIGIT_MISMATCH
                    ? "regno-check-digit" : "regno-malformed", "注册号 " + r.reason()
                    + (r.status() == LegacyRegNoStatus.CHECK_DIGIT_MISMATCH
                    ? "; if the number is real, mark it acceptLegacy" : "")));
            return null;
        }
        UsccResult r = Uscc.validate(objectId);
        switch (r.status()) {
            case VALID:
                return new Identified(IdKind.USCC.name(), null, null);
            case ORGANIZATION_CODE_MISMATCH:
            case LEGACY_ALLOWLISTED:
                return new Identified(IdKind.USCC.name(), r.status().name(), r.status().name() + ": "
                        + r.reason());
            case CHECK_CHARACTER_MISMATCH:
                if (acceptLegacy) {
                    return new Identified(IdKind.USCC.name(), r.status().name(), r.status().name() + ": "
                            + r.reason() + "; accepted as a legacy code because the row is marked acceptLegacy");
                }
                out.add(new Violation("objectId", "uscc-check-character", r.reason()
                        + "; if the code is real (an early non-conforming code), mark it acceptLegacy"));
                return null;
            default:
                out.add(new Violation("objectId", "uscc-malformed", "not a USCC (18 characters), a 15-digit 注册号 or "
                        + "an obj- id: " + r.reason()));
                return null;
        }
    }

    /** The state with its editable text normalized ({@link RegistryText#normalize}). */
    static ObjectState normalized(String objectId, String idKind, String idWarning, String objectType, String name,
                                  String industry, String district, String address, String status,
                                  Commitment creditRiskClass, String registryDepartment) {
        return new ObjectState(objectId, idKind, idWarning, RegistryText.normalize(objectType),
                RegistryText.normalize(name), RegistryText.normalize(industry), RegistryText.normalize(district),
                RegistryText.normalize(address), RegistryText.normalize(status), creditRiskClass,
                RegistryText.normalize(registryDepartment));
    }

    /** The rules every (normalized) state satisfies, besides the id's own check. */
    static void validate(List<Violation> out, ObjectState s) {
        RegistryText.oneOf(out, "objectType", s.objectType(), ObjectType.class);
        RegistryText.text(out, "name", s.name(), true);
        RegistryText.identifier(out, "industry", s.industry());
        RegistryText.identifier(out, "district", s.district());
        RegistryText.text(out, "address", s.address(), false);
        RegistryText.oneOf(out, "status", s.status(), ObjectStatus.class);
        RegistryText.identifier(out, "registryDepartment", s.registryDepartment());
        if (s.creditRiskClass() != null && !s.creditRiskClass().wellFormed()) {
            out.add(new Violation("creditRiskClass", "commitment-format",
                    "creditRiskClass is a commitment {\"drl:commit\": 64 lowercase hex}"));
        }
        ObjectType type = ObjectType.find(s.objectType());
        if (type != null && s.idKind() != null) {
            boolean marketId = !IdKind.OTHER.name().equals(s.idKind());
            if (type.market != marketId) {
                out.add(new Violation("objectType", "type-id-mismatch", type.market
                        ? "a market entity (" + type + ") is keyed by its USCC or 15-digit 注册号, not an obj- id"
                        : "a " + type + " is keyed by an obj- id, not a USCC or 注册号"));
            }
        }
    }

    /** A plaintext risk class as given (null: not classified); the message never repeats the value. */
    static String riskClass(List<Violation> out, String raw) {
        String v = RegistryText.normalize(raw);
        if (v == null) {
            return null;
        }
        for (RiskClass c : RiskClass.values()) {
            if (c.name().equals(v)) {
                return v;
            }
        }
        out.add(new Violation("creditRiskClass", "unknown-value",
                "creditRiskClass must be one of " + RegistryText.names(RiskClass.class) + " or empty"));
        return null;
    }
}
