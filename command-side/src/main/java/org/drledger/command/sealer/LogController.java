package org.drledger.command.sealer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drledger.command.ledger.StoredEntry;
import org.drledger.command.support.CommandRefusedException;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.merkle.ConsistencyProof;
import org.drledger.core.merkle.InclusionProof;
import org.drledger.core.merkle.MerkleHasher;
import org.drledger.core.merkle.MerkleProofJson;
import org.drledger.core.merkle.ProofGenerator;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public Merkle log: checkpoints (C2SP signed-note text), inclusion and consistency proofs, entries in leaf
 * order, and witness cosignature submission. Anyone may read it; it holds no personal data (only commitments).
 */
@RestController
@RequestMapping("/api/log")
@Tag(name = "Merkle log (public)")
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
class LogController {
    static final int MAX_ENTRIES = 1000;
    private static final MediaType TEXT = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);

    private final CheckpointService checkpoints;
    private final CheckpointStore store;
    private final MerkleStore merkle;
    private final CosignatureService cosignatures;
    private final JdbcTemplate jdbc;
    private final MerkleHasher hasher;

    LogController(CheckpointService checkpoints, CheckpointStore store, MerkleStore merkle,
                  CosignatureService cosignatures, JdbcTemplate jdbc, CryptoSuite suite) {
        this.checkpoints = checkpoints;
        this.store = store;
        this.merkle = merkle;
        this.cosignatures = cosignatures;
        this.jdbc = jdbc;
        this.hasher = new MerkleHasher(suite.hash());
    }

    @GetMapping("/key")
    @Operation(summary = "The log's verifier key (C2SP vkey)")
    ResponseEntity<String> key() {
        return ResponseEntity.ok().contentType(TEXT).body(checkpoints.logKey().vkey() + "\n");
    }

    @GetMapping("/checkpoint")
    @Operation(summary = "The latest checkpoint with its cosignatures (C2SP signed note)")
    ResponseEntity<String> latest() {
        return checkpoints.latestNoteWithCosignatures()
                .map(n -> ResponseEntity.ok().contentType(TEXT).body(n))
                .orElseThrow(() -> new CommandRefusedException("size", "no-checkpoint-yet", "no checkpoint has been signed yet",
                        true));
    }

    @GetMapping("/checkpoints")
    @Operation(summary = "All checkpoints: size, root, signing time and number of cosignatures")
    List<Map<String, Object>> all() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CheckpointStore.StoredCheckpoint c : store.all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("treeSize", c.treeSize());
            m.put("root", Hex.encode(c.root()));
            m.put("signedAt", c.signedAt());
            m.put("cosignatures", store.cosignatures(c.treeSize()).stream()
                    .map(x -> Map.of("witness", x.witness(), "time", x.cosignedAt())).toList());
            out.add(m);
        }
        return out;
    }

    @GetMapping("/checkpoints/{size}")
    @Operation(summary = "The checkpoint of a given tree size with its cosignatures (C2SP signed note)")
    ResponseEntity<String> at(@PathVariable long size) {
        return checkpoints.noteWithCosignatures(size)
                .map(n -> ResponseEntity.ok().contentType(TEXT).body(n))
                .orElse(ResponseEntity.notFound().build());
    }

    @PostMapping(value = "/checkpoints/{size}/cosignatures", consumes = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Submit witness cosignature lines ('— <name> <base64>') for a checkpoint")
    ResponseEntity<List<CosignatureService.Accepted>> cosign(@PathVariable long size, @RequestBody String lines) {
        return ResponseEntity.status(HttpStatus.CREATED).body(cosignatures.submit(size, lines));
    }

    @GetMapping(value = "/proof/inclusion", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Inclusion proof of a leaf (by index or entry hash) in the tree of a checkpointed size")
    ResponseEntity<String> inclusion(@RequestParam(required = false) Long leaf,
                                     @RequestParam(required = false) String entryHash,
                                     @RequestParam(required = false) Long size) {
        MerkleStore.Leaf l = (leaf != null ? merkle.leaf(leaf) : entryHash != null ? merkle.leafByEntryHash(entryHash)
                : java.util.Optional.<MerkleStore.Leaf>empty()).orElseThrow(() -> new CommandRefusedException(
                leaf != null ? "leaf" : "entryHash", "unknown-leaf", "no such sealed entry"));
        long treeSize = size != null ? size : store.firstCovering(l.leafIndex() + 1)
                .map(CheckpointStore.StoredCheckpoint::treeSize).orElseThrow(() -> new CommandRefusedException("size",
                        "not-yet-checkpointed", "leaf " + l.leafIndex() + " is not covered by a checkpoint yet", true));
        requireProvable(treeSize);
        if (l.leafIndex() >= treeSize) {
            throw new CommandRefusedException("size", "leaf-beyond-size", "leaf " + l.leafIndex() + " is not in a tree of size " + treeSize);
        }
        ProofGenerator gen = new ProofGenerator(hasher, merkle);
        InclusionProof proof = new InclusionProof(l.leafIndex(), treeSize, l.leafHash(),
                gen.inclusionProof(l.leafIndex(), treeSize), gen.rootAt(treeSize));
        return ResponseEntity.ok(new String(MerkleProofJson.encode(proof), java.nio.charset.StandardCharsets.UTF_8));
    }

    @GetMapping(value = "/proof/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Consistency proof between two tree sizes")
    ResponseEntity<String> consistency(@RequestParam long from, @RequestParam long to) {
        if (from < 0 || from > to) {
            throw new CommandRefusedException("from", "size-order", "need 0 <= from <= to");
        }
        requireProvable(to);
        ProofGenerator gen = new ProofGenerator(hasher, merkle);
        ConsistencyProof proof = new ConsistencyProof(from, to, from == 0 ? hasher.emptyRoot() : gen.rootAt(from),
                gen.rootAt(to), gen.consistencyProof(from, to));
        return ResponseEntity.ok(new String(MerkleProofJson.encode(proof), java.nio.charset.StandardCharsets.UTF_8));
    }

    @GetMapping("/entries")
    @Operation(summary = "Signed entries in leaf order, from (inclusive) to (exclusive), at most 1000")
    List<Map<String, Object>> entries(@RequestParam long from, @RequestParam long to) {
        if (from < 0 || to < from || to - from > MAX_ENTRIES) {
            throw new CommandRefusedException("to", "bad-range", "need 0 <= from <= to and at most " + MAX_ENTRIES + " entries");
        }
        String ledgerId = jdbc.queryForObject("SELECT ledger_id FROM ledger_info", String.class);
        List<Map<String, Object>> out = new ArrayList<>();
        for (MerkleStore.Leaf l : merkle.leaves(from, to)) {
            StoredEntry.Row row = jdbc.queryForObject(StoredEntry.SELECT_ROWS + "WHERE global_index = ?",
                    StoredEntry.ROW_MAPPER, l.globalIndex());
            SignedEntry e = StoredEntry.rebuild(row, ledgerId);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("leafIndex", l.leafIndex());
            m.put("signedEntry", CanonicalJson.parse(e.toCanonicalJson()));
            out.add(m);
        }
        return out;
    }

    private void requireProvable(long size) {
        long sealed = merkle.size();
        if (size > sealed) {
            throw new CommandRefusedException("size", "beyond-log", "the log has " + sealed + " leaves", true);
        }
    }
}
