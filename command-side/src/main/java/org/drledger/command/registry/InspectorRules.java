package org.drledger.command.registry;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of the 执法检查人员名录库, used alike by the aggregate, the REST layer and the CSV import. The ID-card
 * number and the phone are checked here in plaintext (before sealing); the aggregate only ever sees their
 * commitments. No message repeats either value.
 */
final class InspectorRules {
    enum InspectorStatus { ACTIVE, SUSPENDED, RETIRED }

    /** Officer ids become stream ids {@code inspector:<officerId>}: no ':' and a conservative alphabet. */
    static final Pattern OFFICER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9-]{4,24}");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private InspectorRules() {
    }

    static InspectorState normalized(String officerId, String department, String name, String certificateNo,
                                     String certificateExpiry, List<String> specialties, List<String> competentItems,
                                     String district, String status, boolean assistEligible, List<String> conflicts,
                                     Commitment idCardNo, Commitment phone, List<Violation> out) {
        return new InspectorState(officerId, RegistryText.normalize(department), RegistryText.normalize(name),
                RegistryText.normalize(certificateNo), RegistryText.normalize(certificateExpiry),
                RegistryText.identifierSet(out, "specialties", specialties),
                RegistryText.identifierSet(out, "competentItems", competentItems),
                RegistryText.normalize(district), RegistryText.normalize(status), assistEligible,
                RegistryText.identifierSet(out, "conflicts", conflicts), idCardNo, phone);
    }

    static void officerId(List<Violation> out, String officerId) {
        if (officerId == null || officerId.isEmpty()) {
            out.add(new Violation("officerId", "required", "officerId is required"));
        } else if (!OFFICER_ID.matcher(officerId).matches()) {
            out.add(new Violation("officerId", "officer-id-format", "officerId is 1 to 128 letters, digits, '.', '_' "
                    + "or '-', starting with a letter or digit"));
        }
    }

    /** The rules every (normalized) state satisfies. */
    static void validate(List<Violation> out, InspectorState s) {
        validateFields(out, s);
        if (s.idCardNo() == null) {
            out.add(new Violation("idCardNo", "required", "idCardNo is required"));
        } else if (!s.idCardNo().wellFormed()) {
            out.add(new Violation("idCardNo", "commitment-format", "idCardNo is a commitment {\"drl:commit\": hex}"));
        }
        if (s.phone() != null && !s.phone().wellFormed()) {
            out.add(new Violation("phone", "commitment-format", "phone is a commitment {\"drl:commit\": hex}"));
        }
    }

    /** The rules of the fields that are not confidential. */
    static void validateFields(List<Violation> out, InspectorState s) {
        officerId(out, s.officerId());
        RegistryText.identifier(out, "department", s.department());
        RegistryText.text(out, "name", s.name(), true);
        RegistryText.identifier(out, "certificateNo", s.certificateNo());
        RegistryText.date(out, "certificateExpiry", s.certificateExpiry());
        RegistryText.identifier(out, "district", s.district());
        RegistryText.oneOf(out, "status", s.status(), InspectorStatus.class);
        canonicalSet(out, "specialties", s.specialties());
        canonicalSet(out, "competentItems", s.competentItems());
        canonicalSet(out, "conflicts", s.conflicts());
    }

    private static void canonicalSet(List<Violation> out, String field, List<String> values) {
        if (!RegistryText.isCanonicalSet(values)) {
            out.add(new Violation(field, "not-canonical", field + " must be a set of identifiers"));
        }
    }

    /**
     * A 居民身份证号码 (GB 11643-1999): 17 digits and a check character (ISO 7064 MOD 11-2, 'X' for 10) over them,
     * with a real birth date; a lowercase x is taken as X. Returns the canonical form or null.
     */
    static String idCardNo(List<Violation> out, String raw) {
        String v = RegistryText.normalize(raw);
        if (v == null) {
            out.add(new Violation("idCardNo", "required", "idCardNo is required"));
            return null;
        }
        v = v.toUpperCase(Locale.ROOT);
        if (v.length() != 18 || !v.substring(0, 17).chars().allMatch(c -> c >= '0' && c <= '9')
                || ID_CHECK.indexOf(v.charAt(17)) < 0) {
            out.add(new Violation("idCardNo", "id-card-format", "idCardNo is 17 digits and a check digit or X"));
            return null;
        }
        try {
            LocalDate.parse(v.substring(6, 14), BIRTH);
        } catch (DateTimeParseException e) {
            out.add(new Violation("idCardNo", "id-card-format", "idCardNo does not contain a valid birth date"));
            return null;
        }
        if (v.charAt(17) != idCardCheck(v.substring(0, 17))) {
            out.add(new Violation("idCardNo", "id-card-check", "the check character of idCardNo does not compute "
                    + "(GB 11643); the number is probably mistyped"));
            return null;
        }
        return v;
    }

    static char idCardCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11);
    }

    /** A phone number: digits, optionally a leading '+', and '-' separators; null when absent. */
    static String phone(List<Violation> out, String raw) {
        String v = RegistryText.normalize(raw);
        if (v == null) {
            return null;
        }
        if (!PHONE.matcher(v).matches()) {
            out.add(new Violation("phone", "phone-format", "phone is 5 to 25 digits, optionally a leading '+' and "
                    + "'-' separators"));
            return null;
        }
        return v;
    }

    /** "true" or "false", exactly. */
    static Boolean bool(List<Violation> out, String field, String raw) {
        String v = RegistryText.normalize(raw);
        if ("true".equals(v)) {
            return Boolean.TRUE;
        }
        if ("false".equals(v)) {
            return Boolean.FALSE;
        }
        out.add(new Violation(field, v == null ? "required" : "not-boolean", field + " must be true or false"));
        return null;
    }
}
