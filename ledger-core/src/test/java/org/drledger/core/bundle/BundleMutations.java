package org.drledger.core.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.entry.LedgerHashing;
import org.drledger.core.entry.TrustEntries;
import org.drledger.core.json.CanonicalJson;

/**
 * Tampered bundles, one per fault, each named after its fault and the check that must reject it. Faults are made
 * the way an attacker would: after the edit every unsigned part (leaf numbering, the trust file, the manifest's
 * digests) is made consistent again, so only the signed or hashed evidence can catch them.
 */
public final class BundleMutations {
    /** A tampered bundle and the check (ledger-format §4.6 / bundle-format §6 names) that must fail first. */
    public record Mutant(String fault, String check, Map<String, byte[]> files) {
    }

    private BundleMutations() {
    }

    /** Every fault of one suite's scenario, plus the clean bundle under the fault name {@code clean}. */
    public static List<Mutant> all(CryptoSuite suite) {
        BundleScenario clean = new BundleScenario(suite);
        Map<String, byte[]> base = unzip(clean.fullBundle(BundleKind.PUBLIC_LEDGER));
        List<Mutant> out = new ArrayList<>();
        out.add(new Mutant("clean", null, base));
        int amr1 = leafOf(base, "InspectionChecklist", "amr/2026", 1);
        out.add(entries("flipped-payload-byte", "entry.hash", base, lines -> {
            byte[] l = lines.get(amr1);
            int at = indexOf(l, "\"code\":\"A07-01\"".getBytes(StandardCharsets.UTF_8)) + 13;
            l[at] ^= 0x02; // '1' -> '3': still canonical, different content
            return lines;
        }));
        out.add(entries("changed-time", "entry.hash", base, lines -> {
            ObjectNode o = line(lines.get(amr1));
            ObjectNode env = (ObjectNode) o.path("signed").path("entry");
            Instant t = Instant.parse(env.get("time").textValue()).plusSeconds(3600);
            env.put("time", t.toString().replace("Z", ".000Z"));
            lines.set(amr1, CanonicalJson.write(o));
            return lines;
        }));
        out.add(entries("changed-actor", "entry.signature", base, lines -> {
            ObjectNode o = line(lines.get(amr1));
            ObjectNode signed = (ObjectNode) o.get("signed");
            ((ObjectNode) signed.path("entry").path("actor")).put("user", "someone-else");
            rehash(suite, signed); // an attacker recomputes the hash; only the signature still catches it
            lines.set(amr1, CanonicalJson.write(o));
            return lines;
        }));
        out.add(entries("dropped-entry", "chain.sequence", base, lines -> {
            lines.remove(amr1);
            return lines;
        }));
        int amr2 = leafOf(base, "InspectionChecklist", "amr/2026", 2);
        int tax0 = leafOf(base, "InspectionChecklist", "tax/2026", 0);
        out.add(entries("reordered-entries", "checkpoint.root", base, lines -> {
            if (tax0 != amr2 + 1) {
                throw new IllegalStateException("scenario changed: amr#2 and tax#0 are not adjacent");
            }
            byte[] a = lines.get(amr2);
            lines.set(amr2, lines.get(tax0));
            lines.set(tax0, a);
            return lines;
        }));
        out.add(entries("truncated-tail", "checkpoint.beyond-log", base, lines -> {
            return new ArrayList<>(lines.subList(0, lines.size() - 3));
        }));
        out.add(entries("swapped-signatures", "entry.signature", base, lines -> {
            ObjectNode a = line(lines.get(amr1));
            ObjectNode b = line(lines.get(amr2));
            String sa = a.path("signed").path("sig").textValue();
            ((ObjectNode) a.get("signed")).put("sig", b.path("signed").path("sig").textValue());
            ((ObjectNode) b.get("signed")).put("sig", sa);
            lines.set(amr1, CanonicalJson.write(a));
            lines.set(amr2, CanonicalJson.write(b));
            return lines;
        }));
        out.add(entries("non-canonical-entry", "entry.canonical", base, lines -> {
            String s = new String(lines.get(amr1), StandardCharsets.UTF_8);
            lines.set(amr1, s.replace("{\"entry\":{", "{\"entry\": {").getBytes(StandardCharsets.UTF_8));
            return lines;
        }));
        out.add(new Mutant("hidden-revocation", "bundle.trust", repack(base, readLines(base, BundleManifest.ENTRIES),
                lines -> lines.stream().filter(l -> !l.contains("\"type\":\"DepartmentKeyRevoked\"")).toList())));
        out.add(file("forged-checkpoint", "checkpoint.signature", base, BundleManifest.CHECKPOINTS, cps -> {
            ObjectNode o = line(cps.get(1));
            String note = o.get("note").textValue();
            String[] parts = note.split("\n", 4);
            byte[] root = java.util.Base64.getDecoder().decode(parts[2]);
            root[0] ^= 1;
            parts[2] = java.util.Base64.getEncoder().encodeToString(root);
            o.put("note", String.join("\n", parts));
            cps.set(1, CanonicalJson.write(o));
            return cps;
        }));
        out.add(new Mutant("manifest-digest-mismatch", "bundle.manifest", staleDigest(base)));
        out.add(variant("revoked-key-signs", "entry.key", suite, BundleScenario.Variant.REVOKED_KEY_SIGNS));
        out.add(variant("split-view", "checkpoint.consistency", suite, BundleScenario.Variant.SPLIT_VIEW));
        out.add(variant("second-draw", "task.one-draw", suite, BundleScenario.Variant.SECOND_DRAW));
        return out;
    }

    private static Mutant variant(String fault, String check, CryptoSuite suite, BundleScenario.Variant v) {
        return new Mutant(fault, check, unzip(new BundleScenario(suite, v).fullBundle(BundleKind.PUBLIC_LEDGER)));
    }

    /** Edits entries.jsonl lines (as byte arrays), then renumbers leaves and rebuilds the trust file and manifest. */
    private static Mutant entries(String fault, String check, Map<String, byte[]> base,
                                  Function<List<byte[]>, List<byte[]>> edit) {
        List<byte[]> lines = new ArrayList<>();
        readLines(base, BundleManifest.ENTRIES).forEach(s -> lines.add(s.getBytes(StandardCharsets.UTF_8)));
        List<byte[]> edited = edit.apply(lines);
        List<String> renumbered = new ArrayList<>();
        for (int i = 0; i < edited.size(); i++) {
            String s = new String(edited.get(i), StandardCharsets.UTF_8);
            // leafIndex is the first member of the canonical line; keep the rest byte for byte
            int comma = s.indexOf(',');
            renumbered.add("{\"leafIndex\":" + i + s.substring(comma));
        }
        return new Mutant(fault, check, repack(base, renumbered, l -> l));
    }

    private static Mutant file(String fault, String check, Map<String, byte[]> base, String name,
                               Function<List<byte[]>, List<byte[]>> edit) {
        List<byte[]> lines = new ArrayList<>();
        readLines(base, name).forEach(s -> lines.add(s.getBytes(StandardCharsets.UTF_8)));
        Map<String, byte[]> files = new LinkedHashMap<>(base);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        edit.apply(lines).forEach(l -> {
            b.writeBytes(l);
            b.write('\n');
        });
        files.put(name, b.toByteArray());
        return new Mutant(fault, check, withManifest(files));
    }

    /** The manifest claims another digest for checkpoints.jsonl than its bytes have (a damaged download). */
    private static Map<String, byte[]> staleDigest(Map<String, byte[]> base) {
        ObjectNode m = line(base.get(BundleManifest.NAME));
        for (JsonNode f : m.get("files")) {
            if (f.get("name").textValue().equals(BundleManifest.CHECKPOINTS)) {
                ((ObjectNode) f).put("sha256", "00".repeat(32));
            }
        }
        Map<String, byte[]> files = new LinkedHashMap<>(base);
        files.put(BundleManifest.NAME, CanonicalJson.write(m));
        return files;
    }

    private static Map<String, byte[]> repack(Map<String, byte[]> base, List<String> entryLines,
                                              Function<List<String>, List<String>> filterTrust) {
        List<String> trust = new ArrayList<>();
        for (String l : entryLines) {
            JsonNode o = CanonicalJson.parse(l.getBytes(StandardCharsets.UTF_8));
            if (TrustEntries.isTrustEntry(o.path("signed").path("entry").path("type").textValue())) {
                trust.add(l);
            }
        }
        Map<String, byte[]> files = new LinkedHashMap<>(base);
        files.put(BundleManifest.TRUST, join(filterTrust.apply(trust)));
        files.put(BundleManifest.ENTRIES, join(entryLines));
        return withManifest(files);
    }

    /** Recomputes the manifest's file descriptions, as anyone can. */
    public static Map<String, byte[]> withManifest(Map<String, byte[]> files) {
        BundleManifest old = BundleManifest.parse(files.get(BundleManifest.NAME));
        List<BundleManifest.FileInfo> infos = new ArrayList<>();
        for (String n : BundleManifest.filesOf(old.kind())) {
            infos.add(BundleWriter.describe(n, files.get(n)));
        }
        BundleManifest m = new BundleManifest(old.kind(), old.ledgerId(), old.suite(), old.origin(), old.logKey(),
                old.subject(), infos);
        Map<String, byte[]> out = new LinkedHashMap<>(files);
        out.put(BundleManifest.NAME, m.toCanonicalJson());
        return out;
    }

    private static void rehash(CryptoSuite suite, ObjectNode signed) {
        byte[] canonical = CanonicalJson.write(signed.get("entry"));
        signed.put("hash", Hex.encode(LedgerHashing.entryHash(suite.hash(), canonical)));
    }

    private static int leafOf(Map<String, byte[]> files, String streamType, String streamId, long seq) {
        List<String> lines = readLines(files, BundleManifest.ENTRIES);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode e = CanonicalJson.parse(lines.get(i)).path("signed").path("entry");
            if (e.path("stream").path("type").textValue().equals(streamType)
                    && e.path("stream").path("id").textValue().equals(streamId) && e.path("seq").asLong() == seq) {
                return i;
            }
        }
        throw new IllegalStateException("no " + streamType + "/" + streamId + "#" + seq);
    }

    private static ObjectNode line(byte[] l) {
        return (ObjectNode) CanonicalJson.parse(l);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found");
    }

    public static List<String> readLines(Map<String, byte[]> files, String name) {
        String s = new String(files.get(name), StandardCharsets.UTF_8);
        if (s.isEmpty()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(List.of(s.substring(0, s.length() - 1).split("\n", -1)));
    }

    private static byte[] join(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The files of a bundle ZIP, manifest last as the writer puts it. */
    public static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                out.put(e.getName(), z.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            BundleWriter.writeRaw(out, files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
