/**
 * The ledger's Merkle log: the RFC 6962 / RFC 9162 tree over the suite's hash (SHA-256 or SM3).
 *
 * <ul>
 *   <li>{@link org.drledger.core.merkle.MerkleHasher} — empty root, leaf and node hashes.</li>
 *   <li>{@link org.drledger.core.merkle.CompactRange} — O(log n) append and root, reporting completed nodes.</li>
 *   <li>{@link org.drledger.core.merkle.SubtreeHashes} and {@link org.drledger.core.merkle.ProofGenerator} —
 *   roots and proofs at any past size from stored perfect-subtree hashes;
 *   {@link org.drledger.core.merkle.InMemoryMerkleTree} keeps them in memory.</li>
 *   <li>{@link org.drledger.core.merkle.MerkleVerifier} — RFC 9162 §2.1.3.2 / §2.1.4.2 verification.</li>
 *   <li>{@link org.drledger.core.merkle.MerkleProofJson} — the JSON exchange form of proofs.</li>
 * </ul>
 *
 * None of the stateful classes is thread-safe; the normative description is docs/ledger-format.md (Merkle log).
 */
package org.drledger.core.merkle;
