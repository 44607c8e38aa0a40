package org.drledger.command.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drledger.command.checklist.ItemRef;
import org.drledger.command.checklist.Ratio;
import org.drledger.command.ui.FormSupport;
import org.drledger.command.ui.MalformedInput;
import org.springframework.util.MultiValueMap;

/**
 * Plan batches as rows of a web form: the fields of row n are named {@code <prefix><n>.<field>}. A row whose fields
 * are all blank is no batch. Parsing only turns text into the API's {@link PlanBatch} (refusing a number, a date or
 * an item reference that is not one); every rule about batches stays with the API and the aggregate.
 */
final class BatchRows {
    static final List<String> FIELDS = List.of("batchId", "name", "inspectingAuthority", "unit", "items", "from", "to",
            "ratioNum", "ratioDen", "frequency", "quantity", "leadDepartment", "assistingDepartments");
    /** An item of a published list version as {@link ItemRef#toString()} writes it: {@code listId@version/code}. */
    private static final Pattern ITEM = Pattern.compile("(.+)@(\\d{1,9})/(.+)");

    private BatchRows() {
    }

    /** A row that is not a batch: its refusal. */
    /** The non-blank rows under {@code prefix}, in row order, renumbered from 0. */
    static List<Map<String, String>> rows(MultiValueMap<String, String> form, String prefix) {
        Pattern name = Pattern.compile(Pattern.quote(prefix) + "(\\d{1,3})\\.(\\w+)");
        Map<Integer, Map<String, String>> rows = new TreeMap<>();
        form.forEach((key, values) -> {
            Matcher m = name.matcher(key);
            if (m.matches() && FIELDS.contains(m.group(2)) && !values.isEmpty() && values.get(0) != null) {
                rows.computeIfAbsent(Integer.valueOf(m.group(1)), i -> new LinkedHashMap<>())
                        .put(m.group(2), values.get(0));
            }
        });
        return rows.values().stream().filter(r -> r.values().stream().anyMatch(v -> !v.isBlank())).toList();
    }

    /** A batch as a row (to prefill the form). */
    static Map<String, String> row(PlanBatch b) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("batchId", text(b.batchId()));
        r.put("name", text(b.name()));
        r.put("inspectingAuthority", text(b.inspectingAuthority()));
        r.put("unit", text(b.unit()));
        r.put("items", b.items() == null ? "" : String.join("\n", b.items().stream().map(ItemRef::toString).toList()));
        r.put("from", b.period() == null || b.period().from() == null ? "" : b.period().from().toString());
        r.put("to", b.period() == null || b.period().to() == null ? "" : b.period().to().toString());
        r.put("ratioNum", b.ratio() == null ? "" : String.valueOf(b.ratio().num()));
        r.put("ratioDen", b.ratio() == null ? "" : String.valueOf(b.ratio().den()));
        r.put("frequency", String.valueOf(b.frequency()));
        r.put("quantity", String.valueOf(b.quantity()));
        r.put("leadDepartment", text(b.leadDepartment()));
        r.put("assistingDepartments", b.assistingDepartments() == null ? ""
                : String.join(", ", b.assistingDepartments()));
        return r;
    }

    /** The rows as the API's batches; {@code field} is the API's name of the list (e.g. {@code batches}). */
    static List<PlanBatch> batches(List<Map<String, String>> rows, String field) throws MalformedInput {
        List<PlanBatch> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            out.add(batch(rows.get(i), field + "[" + i + "]"));
        }
        return out;
    }

    private static PlanBatch batch(Map<String, String> r, String at) throws MalformedInput {
        List<ItemRef> items = new ArrayList<>();
        List<String> lines = lines(r.get("items"));
        for (int n = 0; n < lines.size(); n++) {
            Matcher m = ITEM.matcher(lines.get(n));
            if (!m.matches()) {
                throw new MalformedInput(FormSupport.malformed(at + ".items[" + n + "]", "plan-item-format",
                        lines.get(n) + " is not listId@version/code"));
            }
            items.add(new ItemRef(m.group(1).strip(), Integer.parseInt(m.group(2)), m.group(3).strip()));
        }
        LocalDate from = FormSupport.date(r.get("from"), at + ".period.from");
        LocalDate to = FormSupport.date(r.get("to"), at + ".period.to");
        Integer num = FormSupport.integer(r.get("ratioNum"), at + ".ratio.num");
        Integer den = FormSupport.integer(r.get("ratioDen"), at + ".ratio.den");
        Integer frequency = FormSupport.integer(r.get("frequency"), at + ".frequency");
        Integer quantity = FormSupport.integer(r.get("quantity"), at + ".quantity");
        List<String> assisting = blank(r.get("assistingDepartments")) ? List.of()
                : List.of(r.get("assistingDepartments").strip().split("[\\s,，、]+"));
        return new PlanBatch(nullIfBlank(r.get("batchId")), nullIfBlank(r.get("inspectingAuthority")),
                nullIfBlank(r.get("name")), items.isEmpty() ? null : items,
                from == null && to == null ? null : new Period(from, to), nullIfBlank(r.get("unit")),
                num == null && den == null ? null : new Ratio(num == null ? 0 : num, den == null ? 0 : den),
                frequency == null ? 0 : frequency, quantity == null ? 0 : quantity,
                nullIfBlank(r.get("leadDepartment")), assisting);
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static String nullIfBlank(String s) {
        return blank(s) ? null : s.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
