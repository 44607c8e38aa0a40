package org.drledger.server.registry;

import java.util.ArrayList;
import java.util.List;
import org.drledger.core.uscc.Uscc;

/** Deterministic registry CSV files for tests: valid USCCs and ID-card numbers computed with the kernel's rules. */
public final class RegistryFiles {
    public static final String OBJECT_HEADER = "objectId,objectType,name,industry,district,address,status,creditRiskClass,"
            + "registryDepartment";
    static final String OBJECT_HEADER_LEGACY = OBJECT_HEADER + ",acceptLegacy";
    public static final String INSPECTOR_HEADER = "officerId,department,name,certificateNo,certificateExpiry,specialties,"
            + "competentItems,district,status,assistEligible,conflicts,idCardNo,phone";
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private RegistryFiles() {
    }

    /** The n-th valid USCC of a 雁江区 enterprise (GB 32100 and GB 11714 checks both hold). */
    public static String uscc(long n) {
        return uscc("91", "512002", n);
    }

    static String uscc(String prefix, String region, long n) {
        StringBuilder body = new StringBuilder();
        long v = n + 31L * 31 * 31;
        for (int i = 0; i < 8; i++) {
            body.append(Uscc.CHARSET.charAt((int) (v % 31)));
            v /= 31;
        }
        String b = body.reverse().toString();
        String first17 = prefix + region + b + Uscc.organizationCheckCharacter(b);
        return first17 + Uscc.checkCharacter(first17);
    }

    /** A USCC whose check character is wrong (a mistyped or early non-conforming code). */
    static String mistyped(long n) {
        String ok = uscc(n);
        char wrong = ok.charAt(17) == '0' ? '1' : '0';
        return ok.substring(0, 17) + wrong;
    }

    /** The n-th valid 居民身份证号码 (born 1980-01-01 plus n days, 雁江区). */
    public static String idCard(long n) {
        java.time.LocalDate birth = java.time.LocalDate.of(1980, 1, 1).plusDays(n % 7000);
        String first17 = "512002" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    public static String phone(long n) {
        return String.format("139%08d", n);
    }

    static String object(String id, String type, String name, String risk, String department) {
        return String.join(",", id, type, name, "food", "雁江区", "\"雁江区, 某路" + name.length() + "号\"", "ACTIVE",
                risk, department);
    }

    static String inspector(String officerId, String department, String items, String conflicts, long person) {
        return String.join(",", officerId, department, "检查员" + officerId, "川执" + officerId, "2027-06-30",
                "food;drugs", items, "雁江区", "ACTIVE", "false", conflicts, idCard(person), phone(person));
    }

    public static String csv(String header, List<String> rows) {
        return header + "\r\n" + String.join("\r\n", rows) + "\r\n";
    }

    /** {@code count} valid enterprise rows of {@code department}, ids from {@code first}. */
    static List<String> objects(long first, int count, String department) {
        List<String> rows = new ArrayList<>(count);
        String[] classes = {"A", "B", "C", "D"};
        for (long i = first; i < first + count; i++) {
            rows.add(object(uscc(i), "ENTERPRISE", "资阳测试企业" + i, classes[(int) (i % 4)], department));
        }
        return rows;
    }

    /** A multipart/form-data body with one part "file". */
    static String multipart(String boundary, String fileName, String content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv; charset=UTF-8\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
    }
}
