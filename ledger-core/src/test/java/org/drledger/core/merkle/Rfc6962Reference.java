package org.drledger.core.merkle;

import java.util.ArrayList;
import java.util.List;
import org.drledger.core.crypto.HashAlgorithm;

/**
 * A deliberately slow, literal transcription of RFC 6962 §2.1 (MTH, PATH, PROOF/SUBPROOF, over leaf data) and of
 * the verification algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2, to cross-check the fast code. Shares nothing
 * with the main sources but {@link HashAlgorithm}.
 */
final class Rfc6962Reference {
    private final HashAlgorithm alg;

    Rfc6962Reference(HashAlgorithm alg) {
        this.alg = alg;
    }

    byte[] hash(byte[]... parts) {
        return alg.digest(parts);
    }

    byte[] leafHash(byte[] d) {
        return hash(new byte[]{0x00}, d);
    }

    byte[] nodeHash(byte[] l, byte[] r) {
        return hash(new byte[]{0x01}, l, r);
    }

    /** The largest power of two smaller than n (n > 1). */
    static int k(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }

    /** MTH(D[n]). */
    byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return hash();
        }
        if (n == 1) {
            return leafHash(d.get(0));
        }
        int k = k(n);
        return nodeHash(mth(d.subList(0, k)), mth(d.subList(k, n)));
    }

    /** PATH(m, D[n]). */
    List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (n == 1) {
            return out;
        }
        int k = k(n);
        if (m < k) {
            out.addAll(path(m, d.subList(0, k)));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(path(m - k, d.subList(k, n)));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true), 0 < m < n. */
    List<byte[]> proof(int m, List<byte[]> d) {
        return subproof(m, d, true);
    }

    private List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(mth(d));
            }
            return out;
        }
        int k = k(n);
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), b));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(subproof(m - k, d.subList(k, n), false));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    /** RFC 9162 §2.1.3.2, step by step. */
    boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> inclusionPath,
            byte[] rootHash) {
        // 1. Compare leaf_index from the inclusion_proof_v2 structure against tree_size. If leaf_index is greater
        //    than or equal to tree_size, then fail the proof verification.
        if (leafIndex < 0 || treeSize < 0 || leafIndex >= treeSize) {
            return false;
        }
        // 2. Set fn to leaf_index and sn to tree_size - 1.
        long fn = leafIndex;
        long sn = treeSize - 1;
        // 3. Set r to hash.
        byte[] r = leafHash;
        // 4. For each value p in the inclusion_path array:
        for (byte[] p : inclusionPath) {
            // a. If sn is 0, then stop the iteration and fail the proof verification.
            if (sn == 0) {
                return false;
            }
            // b. If LSB(fn) is set, or if fn is equal to sn, then:
            if ((fn & 1) == 1 || fn == sn) {
                // i. Set r to HASH(0x01 || p || r).
                r = nodeHash(p, r);
                // ii. If LSB(fn) is not set, then right-shift both fn and sn equally until either LSB(fn) is set
                //     or fn is 0.
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                // Otherwise: Set r to HASH(0x01 || r || p).
                r = nodeHash(r, p);
            }
            // c. Finally, right-shift both fn and sn one time.
            fn >>= 1;
            sn >>= 1;
        }
        // 5. Compare sn to 0. Compare r against the root_hash. If sn is equal to 0 and r and the root_hash are
        //    equal, then the log has proven the inclusion of hash. Otherwise, fail the proof verification.
        return sn == 0 && java.util.Arrays.equals(r, rootHash);
    }

    /**
     * RFC 9162 §2.1.4.2 for 0 < first < second, step by step; the ledger's conventions for first == second and
     * first == 0 (outside the RFC) in front.
     */
    boolean verifyConsistency(long first, long second, byte[] firstHash, byte[] secondHash,
            List<byte[]> consistencyPath) {
        if (first < 0 || first > second) {
            return false;
        }
        if (first == 0) {
            return consistencyPath.isEmpty() && java.util.Arrays.equals(firstHash, hash())
                    && (second > 0 || java.util.Arrays.equals(secondHash, hash()));
        }
        if (first == second) {
            return consistencyPath.isEmpty() && java.util.Arrays.equals(firstHash, secondHash);
        }
        // 1. If consistency_path is an empty array, stop and fail the proof verification.
        if (consistencyPath.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(consistencyPath);
        // 2. If first is an exact power of 2, then prepend first_hash to the consistency_path array.
        if ((first & (first - 1)) == 0) {
            path.add(0, firstHash);
        }
        // 3. Set fn to first - 1 and sn to second - 1.
        long fn = first - 1;
        long sn = second - 1;
        // 4. If LSB(fn) is set, then right-shift both fn and sn equally until LSB(fn) is not set.
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        // 5. Set both fr and sr to the first value in the consistency_path array.
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        // 6. For each subsequent value c in the consistency_path array:
        for (byte[] c : path.subList(1, path.size())) {
            // a. If sn is 0, then stop the iteration and fail the proof verification.
            if (sn == 0) {
                return false;
            }
            // b. If LSB(fn) is set, or if fn is equal to sn, then:
            if ((fn & 1) == 1 || fn == sn) {
                // i. Set fr to HASH(0x01 || c || fr). Set sr to HASH(0x01 || c || sr).
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                // ii. If LSB(fn) is not set, then right-shift both fn and sn equally until either LSB(fn) is set
                //     or fn is 0.
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                // Otherwise: Set sr to HASH(0x01 || sr || c).
                sr = nodeHash(sr, c);
            }
            // c. Finally, right-shift both fn and sn one time.
            fn >>= 1;
            sn >>= 1;
        }
        // 7. After completing iterating through the consistency_path array as described above, verify that the fr
        //    calculated is equal to the first_hash supplied, that the sr calculated is equal to the second_hash
        //    supplied, and that sn is 0.
        return java.util.Arrays.equals(fr, firstHash) && java.util.Arrays.equals(sr, secondHash) && sn == 0;
    }
}
