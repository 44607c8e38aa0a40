package org.drledger.core.draw;

import java.security.MessageDigest;
import java.util.List;

/** The hash primitives of {@code drl-draw/1} (docs/draw-spec.md §5–§8), exposed for verifiers and test vectors. */
public final class DrawHashes {
    public static final String POP_LABEL = "drl-draw/1:pop";
    public static final String ROSTER_LABEL = "drl-draw/1:roster";
    public static final String COMMIT_LABEL = "drl-draw/1:commit";
    public static final String SEED_LABEL = "drl-draw/1:seed";
    public static final String TICKET_LABEL = "drl-draw/1:ticket";
    public static final String MATCH_LABEL = "drl-draw/1:match";

    private DrawHashes() {
    }

    /** One party's part of the seed: its commitment and, if it revealed, its secret (null otherwise). */
    public record SeedContribution(String partyId, byte[] commitment, byte[] secret) {
        public boolean revealed() {
            return secret != null;
        }

        /** {@code r_j}: the secret, or 32 zero bytes. */
        public byte[] r() {
            return secret != null ? secret.clone() : new byte[32];
        }

        @Override
        public byte[] commitment() {
            return commitment.clone();
        }

        @Override
        public byte[] secret() {
            return secret == null ? null : secret.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SeedContribution c && partyId.equals(c.partyId)
                    && java.util.Arrays.equals(commitment, c.commitment) && java.util.Arrays.equals(secret, c.secret);
        }

        @Override
        public int hashCode() {
            return partyId.hashCode() * 31 + java.util.Arrays.hashCode(commitment);
        }
    }

    /** {@code STR("drl-draw/1:commit") || STR(task_id) || STR(party_id) || s_j}. */
    public static byte[] commitmentPreimage(String taskId, String partyId, byte[] secret) {
        return Feed.buffer().str(COMMIT_LABEL).str(taskId).str(partyId).bytes(secret).finish();
    }

    /** {@code C_j}. */
    public static byte[] commitment(String taskId, String partyId, byte[] secret) {
        return Feed.digest().str(COMMIT_LABEL).str(taskId).str(partyId).bytes(secret).finish();
    }

    /**
     * {@code STR("drl-draw/1:seed") || STR(task_id) || plan_hash || pop_hash || roster_hash || STR(source) || u64(R) ||
     * rand || u32(P) || Σ_{parties by id} [STR(party_id) || C_j || u8(flag) || r_j]}; {@code contributions} must be
     * sorted by party id (as {@link Draw} does).
     */
    public static byte[] seedPreimage(String taskId, byte[] planHash, byte[] popHash, byte[] rosterHash, String source,
                                      long round, byte[] rand, List<SeedContribution> contributions) {
        return seed(Feed.buffer(), taskId, planHash, popHash, rosterHash, source, round, rand, contributions);
    }

    public static byte[] seed(String taskId, byte[] planHash, byte[] popHash, byte[] rosterHash, String source,
                              long round, byte[] rand, List<SeedContribution> contributions) {
        return seed(Feed.digest(), taskId, planHash, popHash, rosterHash, source, round, rand, contributions);
    }

    private static byte[] seed(Feed f, String taskId, byte[] planHash, byte[] popHash, byte[] rosterHash, String source,
                               long round, byte[] rand, List<SeedContribution> contributions) {
        f.str(SEED_LABEL).str(taskId).bytes(planHash).bytes(popHash).bytes(rosterHash).str(source).u64(round)
                .bytes(rand).u32(contributions.size());
        for (SeedContribution c : contributions) {
            f.str(c.partyId()).bytes(c.commitment).u8(c.revealed() ? 1 : 0).bytes(c.r());
        }
        return f.finish();
    }

    /** {@code ticket(e) = H(STR("drl-draw/1:ticket") || seed || STR(entity_id))}. */
    public static byte[] ticket(byte[] seed, String entityId) {
        return Feed.digest().str(TICKET_LABEL).bytes(seed).str(entityId).finish();
    }

    /** {@code prio(e, i) = H(STR("drl-draw/1:match") || seed || STR(entity_id) || STR(officer_id))}. */
    public static byte[] prio(byte[] seed, String entityId, String officerId) {
        return Feed.digest().str(MATCH_LABEL).bytes(seed).str(entityId).str(officerId).finish();
    }

    /** Digests compare as unsigned big-endian integers, i.e. byte-wise unsigned. */
    public static int compareDigests(byte[] a, byte[] b) {
        return java.util.Arrays.compareUnsigned(a, b);
    }

    static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
