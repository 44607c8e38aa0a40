package org.drledger.core.uscc;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes docs/test-vectors/uscc/uscc.json and legacy-reg-no.json. Run once from the repository root (argument:
 * the test-vectors directory). Every expected status is computed twice (production and {@link UsccReference}) and
 * the generator stops if they disagree.
 */
public final class UsccVectorsGenerator {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String STANDARD_EXAMPLE = "91350100M000100Y43";

    private UsccVectorsGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/test-vectors").resolve("uscc");
        Files.createDirectories(dir);
        write(dir.resolve("uscc.json"), uscc());
        write(dir.resolve("legacy-reg-no.json"), regNo());
    }

    static void write(Path p, ObjectNode root) throws IOException {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance);
        Files.writeString(p, new ObjectMapper().writer(pp).writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        System.out.println("wrote " + p);
    }

    static ObjectNode uscc() {
        ObjectNode root = F.objectNode();
        root.put("format", "drl USCC validation (GB 32100-2015 + GB 11714 check on pos 9-17)");
        root.put("version", 1);
        root.put("desc", "Each case: input (null = no value), the allow-list used (builtin = uscc-allowlist-v1, none = "
                + "empty), for well-formed inputs the intermediate values (charset values of pos 1-17, weighted sum, "
                + "sum mod 31, computed check character; GB 11714 values of pos 9-16 with A-Z = 10-35, weighted sum, "
                + "sum mod 11, computed pos-17 character), and the expected status, fault, position, expected and actual "
                + "characters. MALFORMED checks run in this order: null, whitespace anywhere, length, per position "
                + "(non-ascii, lowercase, forbidden-letter, invalid-character), region digits (pos 3-8).");
        root.put("charset", Uscc.CHARSET);
        ArrayNode w = root.putArray("weights");
        for (int i = 1; i <= 17; i++) {
            w.add(UsccReference.weight(i));
        }
        ArrayNode ow = root.putArray("orgWeights");
        for (int x : UsccReference.ORG_W) {
            ow.add(x);
        }
        ArrayNode cases = root.putArray("cases");
        String b = STANDARD_EXAMPLE;

        add(cases, "gb32100-standard-example", "the standard's own example (domain-reference §2)", b, true);
        add(cases, "valid-example-shenzhen", "valid example from domain-reference §2", "914403001922038216", true);
        add(cases, "allowlisted-xiamen-computes-r", "real early pilot code whose check computes to R, not 6 "
                + "(domain-reference §2, IDCheck): warn, don't reject", "91350211M0000XUF46", true);
        add(cases, "not-allowlisted-without-list", "the same code with an empty allow-list: rejected as mistyped",
                "91350211M0000XUF46", false);
        add(cases, "allowlisted-fujian-computes-1", "IDCheck: computes 1, not M", "91350100M0001TGQXM", true);
        add(cases, "allowlisted-xiamen-computes-j", "IDCheck: computes J, not P", "91350203M0001FUE2P", true);
        add(cases, "allowlisted-code-one-char-changed", "the allow-list matches exact codes only",
                "91350211M0000XUF47", true);

        Random rnd = new Random(32_100_2015L);
        String[][] kinds = {{"9", "1"}, {"9", "2"}, {"9", "3"}, {"5", "1"}, {"5", "2"}, {"5", "3"}, {"1", "1"},
            {"1", "2"}, {"Y", "1"}, {"N", "1"}};
        String[] regions = {"110108", "350100", "440300", "430902", "510100", "650102"};
        for (int i = 0; i < kinds.length; i++) {
            String body = randomBody(rnd);
            String c17 = kinds[i][0] + kinds[i][1] + regions[rnd.nextInt(regions.length)] + body
                    + Uscc.organizationCheckCharacter(body);
            add(cases, "seeded-valid-" + kinds[i][0] + kinds[i][1],
                    "seed 321002015: authority " + kinds[i][0] + ", category " + kinds[i][1]
                            + "; body random, pos 17 and 18 computed"
                            + (kinds[i][0].equals("N") ? "; authority N is not in the kernel's table: VALID, "
                                    + "classified UNKNOWN" : ""), c17 + Uscc.checkCharacter(c17), true);
        }
        String orgDigit = withCheck(b.substring(0, 16) + "5");
        add(cases, "organization-code-mismatch-digit", "pos 17 of the standard example changed 4 -> 5 and pos 18 "
                + "recomputed: the USCC check holds, pos 9-17 is not a GB 11714 code: accepted with a warning",
                orgDigit, true);
        add(cases, "organization-code-mismatch-letter", "pos 17 = 'A' can never be a GB 11714 check character "
                + "(0-9 or X); pos 18 recomputed", withCheck(b.substring(0, 16) + "A"), true);
        add(cases, "individual-business-body-not-gb11714", "constructed 个体工商户 (9/2) code whose 主体标识码 is not a "
                + "GB 11714 code: a warning, never a rejection", withCheck("92430902MA4L0Q1D" + "8"), true);

        for (char c : new char[] {'0', '4', 'Y'}) {
            add(cases, "wrong-check-char-" + c, "pos 18 of the standard example '3' -> '" + c + "'",
                    b.substring(0, 17) + c, true);
        }
        int[][] subs = {{1, '1'}, {2, '2'}, {5, '6'}, {9, 'N'}, {13, '7'}, {16, 'X'}, {17, '5'}};
        for (int[] s : subs) {
            add(cases, "substitution-pos-" + s[0], "pos " + s[0] + " of the standard example '" + b.charAt(s[0] - 1)
                    + "' -> '" + (char) s[1] + "': every single substitution changes the sum by a non-zero multiple "
                    + "of an invertible weight mod 31", set(b, s[0], (char) s[1]), true);
        }
        add(cases, "transposition-pos-9-10", "adjacent transposition M0 -> 0M", swap(b, 9), true);
        add(cases, "transposition-pos-17-18", "adjacent transposition 43 -> 34", swap(b, 17), true);
        for (char c : "IOSVZ".toCharArray()) {
            add(cases, "forbidden-letter-" + c + "-pos-10", "letter " + c + " is never used in a USCC",
                    set(b, 10, c), true);
        }
        add(cases, "length-17", "last character dropped", b.substring(0, 17), true);
        add(cases, "length-19", "a character appended", b + "0", true);
        add(cases, "empty", "empty string", "", true);
        add(cases, "null-input", "no value", null, true);
        add(cases, "lowercase-pos-9", "m for M: rejected, not normalised (keys must be canonical uppercase)",
                set(b, 9, 'm'), true);
        add(cases, "all-lowercase", "whole code lowercase", b.toLowerCase(java.util.Locale.ROOT), true);
        add(cases, "leading-space", "copy-paste space before the code", " " + b, true);
        add(cases, "trailing-space", "copy-paste space after the code", b + " ", true);
        add(cases, "inner-space", "space between region and body", b.substring(0, 8) + " " + b.substring(8), true);
        add(cases, "ideographic-space", "U+3000 after the code", b + "\u3000", true);
        add(cases, "tab", "tab inside the code", b.substring(0, 9) + "\t" + b.substring(10), true);
        add(cases, "no-break-space", "U+00A0 replacing pos 9", set(b, 9, '\u00A0'), true);
        add(cases, "full-width-digit-pos-1", "full-width ９ (U+FF19) for 9", set(b, 1, '\uFF19'), true);
        add(cases, "full-width-letter-pos-9", "full-width Ｍ (U+FF2D) for M", set(b, 9, '\uFF2D'), true);
        StringBuilder fw = new StringBuilder();
        for (char c : b.toCharArray()) {
            fw.append((char) (c + 0xFEE0));
        }
        add(cases, "all-full-width", "the whole code in full-width forms", fw.toString(), true);
        add(cases, "hyphen-pos-9", "'-' is not in the charset", set(b, 9, '-'), true);
        add(cases, "region-letter-pos-3", "pos 3-8 is a GB/T 2260 region code: digits only", set(b, 3, 'A'), true);
        add(cases, "region-letter-pos-8", "letter at the last region position", set(b, 8, 'X'), true);
        return root;
    }

    private static String randomBody(Random rnd) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sb.append(Uscc.CHARSET.charAt(rnd.nextInt(31)));
        }
        return sb.toString();
    }

    static String withCheck(String first17) {
        return first17 + Uscc.checkCharacter(first17);
    }

    static String set(String s, int pos, char c) {
        return s.substring(0, pos - 1) + c + s.substring(pos);
    }

    static String swap(String s, int pos) {
        char[] a = s.toCharArray();
        char t = a[pos - 1];
        a[pos - 1] = a[pos];
        a[pos] = t;
        return new String(a);
    }

    private static void add(ArrayNode cases, String name, String desc, String input, boolean builtIn) {
        Allowlist list = builtIn ? Allowlist.builtIn() : Allowlist.empty();
        UsccResult r = Uscc.validate(input, list);
        if (r.status() != UsccReference.status(input, list)) {
            throw new IllegalStateException(name + ": production " + r.status() + " vs reference "
                    + UsccReference.status(input, list));
        }
        ObjectNode k = cases.addObject();
        k.put("name", name);
        k.put("desc", desc);
        k.put("input", input);
        k.put("allowlist", builtIn ? "builtin" : "none");
        if (r.status() != UsccStatus.MALFORMED) {
            ArrayNode values = k.putArray("values");
            for (int i = 0; i < 17; i++) {
                values.add(UsccReference.value(input.charAt(i)));
            }
            int sum = UsccReference.weightedSum(input.substring(0, 17));
            k.put("weightedSum", sum);
            k.put("mod31", sum % 31);
            k.put("computedCheck", String.valueOf(UsccReference.check(input.substring(0, 17))));
            ArrayNode ov = k.putArray("orgValues");
            for (int i = 8; i < 16; i++) {
                ov.add(Character.getNumericValue(input.charAt(i)));
            }
            int os = UsccReference.orgSum(input.substring(8, 16));
            k.put("orgWeightedSum", os);
            k.put("orgMod11", os % 11);
            k.put("computedOrgCheck", String.valueOf(UsccReference.orgCheck(input.substring(8, 16))));
            UsccClassification c = r.classification().orElseThrow();
            ObjectNode cl = k.putObject("classification");
            cl.put("authority", c.authority().name());
            cl.put("category", c.category().name());
            cl.put("regionCode", c.regionCode());
            cl.put("subjectId", c.subjectId());
            cl.put("marketEntity", c.isMarketEntity());
        }
        ObjectNode e = k.putObject("result");
        e.put("status", r.status().name());
        e.put("fault", r.fault());
        e.put("position", r.position());
        e.put("expected", r.expected() == null ? null : String.valueOf(r.expected()));
        e.put("actual", r.actual() == null ? null : String.valueOf(r.actual()));
    }

    static ObjectNode regNo() {
        ObjectNode root = F.objectNode();
        root.put("format", "drl 15-digit registration number (GS 15-2006, ISO 7064 MOD 11,10)");
        root.put("version", 1);
        root.put("desc", "Each case: input, for 15-digit inputs the ISO 7064 MOD 11,10 states p[0..14] (p[0] = 10; "
                + "p[j] = (((p[j-1] + d_j) mod 10, 0 -> 10) * 2) mod 11) and the computed check digit c with "
                + "(p[14] + c) mod 10 = 1, then the expected status, fault, position, expected and actual digit.");
        ArrayNode cases = root.putArray("cases");
        String ex = "110108000000016";
        regCase(cases, "commonly-cited-example", "110108000000016, cited as the GS 15-2006 example by several "
                + "open-source validators (not checked against the standard's text)", ex);
        Random rnd = new Random(15_2006L);
        String[] authorities = {"110108", "350100", "440300", "430902", "510100", "650102", "100000", "320500"};
        for (int i = 0; i < authorities.length; i++) {
            StringBuilder sb = new StringBuilder(authorities[i]);
            for (int j = 0; j < 8; j++) {
                sb.append((char) ('0' + rnd.nextInt(10)));
            }
            regCase(cases, "seeded-valid-" + i, "seed 152006: first 14 digits random after a region-like code, check "
                    + "digit computed", sb + String.valueOf(LegacyRegNo.checkDigit(sb.toString())));
        }
        for (char c : new char[] {'0', '5', '7'}) {
            regCase(cases, "wrong-check-digit-" + c, "check digit 6 -> " + c, ex.substring(0, 14) + c);
        }
        regCase(cases, "substitution-pos-7", "pos 7 '0' -> '9'", set(ex, 7, '9'));
        regCase(cases, "substitution-pos-1", "pos 1 '1' -> '2'", set(ex, 1, '2'));
        regCase(cases, "transposition-pos-5-6", "08 -> 80", swap(ex, 5));
        regCase(cases, "length-14", "last digit dropped", ex.substring(0, 14));
        regCase(cases, "length-16", "a digit appended", ex + "0");
        regCase(cases, "length-18-uscc", "a USCC is not a 注册号", STANDARD_EXAMPLE);
        regCase(cases, "empty", "empty string", "");
        regCase(cases, "null-input", "no value", null);
        regCase(cases, "letter-pos-15", "X as check digit (not used by MOD 11,10)", ex.substring(0, 14) + "X");
        regCase(cases, "letter-pos-3", "letter inside", set(ex, 3, 'A'));
        regCase(cases, "full-width-digit-pos-1", "full-width １ (U+FF11)", set(ex, 1, '\uFF11'));
        regCase(cases, "leading-space", "space before", " " + ex);
        regCase(cases, "inner-space", "space inside", ex.substring(0, 6) + " " + ex.substring(7));
        return root;
    }

    private static void regCase(ArrayNode cases, String name, String desc, String input) {
        LegacyRegNoResult r = LegacyRegNo.validate(input);
        if (r.status() != UsccReference.regNoStatus(input)) {
            throw new IllegalStateException(name + ": production " + r.status() + " vs reference "
                    + UsccReference.regNoStatus(input));
        }
        ObjectNode k = cases.addObject();
        k.put("name", name);
        k.put("desc", desc);
        k.put("input", input);
        if (r.status() != LegacyRegNoStatus.MALFORMED) {
            ArrayNode p = k.putArray("p");
            for (int x : UsccReference.regNoStates(input.substring(0, 14))) {
                p.add(x);
            }
            k.put("computedCheck", String.valueOf(UsccReference.regNoCheck(input.substring(0, 14))));
        }
        ObjectNode e = k.putObject("result");
        e.put("status", r.status().name());
        e.put("fault", r.fault());
        e.put("position", r.position());
        e.put("expected", r.expected() == null ? null : String.valueOf(r.expected()));
        e.put("actual", r.actual() == null ? null : String.valueOf(r.actual()));
    }
}
